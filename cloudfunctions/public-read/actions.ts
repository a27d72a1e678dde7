import type { ActionTable } from '../_lib/define-action';
import { getCardAction } from './get-card';
import { getCarrierAction } from './get-carrier';
import { matchCarriersAction } from './match-carriers';
import { listDirectoryAction } from './list-directory';
import { recordVisitAction } from './record-visit';
import { searchCarriersAction } from './search-carriers';
import { whoAmIAction } from './who-am-i';

/** Public reads: must work with no OPENID (Moments single-page mode, the web). */
export const publicReadActions: ActionTable = [getCardAction, searchCarriersAction, getCarrierAction, listDirectoryAction, whoAmIAction, recordVisitAction, matchCarriersAction];
