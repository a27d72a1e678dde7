import type { ActionTable } from '../_lib/define-action';
import { arenaAction } from './arena';
import { dashboardAction } from './dashboard';
import { reportLeadsAction } from './report-leads';
import { reportExportAction } from './report-export';
import { bulletinFileAction, bulletinsAction } from './bulletins';

/** Reports: read-only, from roll-ups; every action resolves whose numbers the caller may read first. */
export const reportsActions: ActionTable = [dashboardAction, reportLeadsAction, arenaAction, reportExportAction, bulletinsAction, bulletinFileAction];
