import type { ActionTable } from '../_lib/define-action';
import { arenaAction } from './arena';
import { adjustArenaAction } from './arena-adjust';
import { dashboardAction } from './dashboard';
import { reportLeadsAction } from './report-leads';
import { disputesAction } from './disputes';
import { decideDisputeAction } from './decide-dispute';
import { reportExportAction } from './report-export';
import { bulletinFileAction, bulletinsAction } from './bulletins';
import { setWeightsAction, weightsAction } from './weights';
import { heatmapAction } from './heatmap';

/** Reports: read-only, from roll-ups; every action resolves whose numbers the caller may read first. */
export const reportsActions: ActionTable = [dashboardAction, reportLeadsAction, arenaAction, disputesAction, decideDisputeAction, reportExportAction, bulletinsAction, bulletinFileAction, weightsAction, setWeightsAction, heatmapAction, adjustArenaAction];
