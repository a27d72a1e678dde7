import type { ActionTable } from '../_lib/define-action';
import { cardStatsAction } from './card-stats';
import { carrierImageSaveAction, carrierImageStateAction } from './carrier-share-image';
import { createShareAction } from './create-share';
import { getMyCardAction, updateMyCardAction } from './my-card';
import { shareImageSaveAction, shareImageStateAction } from './share-image';
import { shareQrAction } from './share-qr';

/** Sharing and personal cards: share hops, codes, the card editor and the owner's numbers. */
export const sharingActions: ActionTable = [createShareAction, shareQrAction, getMyCardAction, updateMyCardAction, cardStatsAction, shareImageStateAction, shareImageSaveAction, carrierImageStateAction, carrierImageSaveAction];
