import { reportLeadsContract, REPORT_LEAD_FILTERS } from '../../../domain/api/report.contracts';
import { useResource } from '../../hooks/use-resource';
import { call } from '../../services/api-client';
import type { PeriodTab } from '../dashboard/dashboard-view';
import { decodeWhere } from '../heatmap/cell-link';

type Filter = (typeof REPORT_LEAD_FILTERS)[number];
const PERIOD_KINDS: readonly string[] = ['xun', 'month', 'quarter', 'half', 'year'];

export interface ReportLeadsParams {
  scope?: string;
  /** For a team's figure: which team. */
  teamId?: string;
  kind?: string;
  key?: string;
  filter?: string;
  value?: string;
  /** A heat-map cell's conditions (cell-link.ts). */
  where?: string;
}

/** The leads behind a tapped figure (report.leads), from the page's (decoded) parameters; unknown values fall back safely. */
export const useReportLeads = (params: ReportLeadsParams) => {
  const scope = params.scope === 'person' || params.scope === 'district' ? params.scope : params.scope === 'team' && params.teamId ? 'team' : 'unit';
  const kind = (PERIOD_KINDS.includes(params.kind ?? '') ? params.kind : 'month') as PeriodTab;
  const filter = (REPORT_LEAD_FILTERS as readonly string[]).includes(params.filter ?? '') ? (params.filter as Filter) : 'all';
  const where = decodeWhere(params.where);
  const input = { scope, ...(scope === 'team' ? { teamId: params.teamId } : {}), period: { kind, ...(params.key ? { key: params.key } : {}) }, filter, ...(filter !== 'all' && params.value ? { value: params.value } : {}), ...(where ? { where } : {}) } as const;
  const resource = useResource({ key: `report.leads:${JSON.stringify(input)}`, fetch: () => call(reportLeadsContract, input), cacheSchema: reportLeadsContract.response });
  return { ...resource, input };
};
