import type { ActionTable } from '../../cloudfunctions/_lib/define-action';
import { adminActions } from '../../cloudfunctions/admin/actions';
import { leadIntakeActions } from '../../cloudfunctions/lead-intake/actions';
import { publicReadActions } from '../../cloudfunctions/public-read/actions';
import { sharingActions } from '../../cloudfunctions/sharing/actions';
import { workspaceActions } from '../../cloudfunctions/workspace/actions';
import { reportsActions } from '../../cloudfunctions/reports/actions';

/** Every deployed function's action table: the local cloud serves them all from one process. */
export const ALL_ACTIONS: ActionTable = [...publicReadActions, ...leadIntakeActions, ...workspaceActions, ...sharingActions, ...adminActions, ...reportsActions];
