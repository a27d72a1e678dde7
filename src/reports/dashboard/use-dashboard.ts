import { useEffect, useState } from 'react';
import { dashboardContract } from '../../../domain/api/report.contracts';
import { useResource } from '../../hooks/use-resource';
import { call, toApiError } from '../../services/api-client';
import { useReportScope, type ReportScopeInitial } from '../scope/use-report-scope';
import type { PeriodTab } from './dashboard-view';

const DASHBOARD_MESSAGES = { 'AUTH.FORBIDDEN': '你只能查看本人、本单位和所在团队的数据；全区、全市数据请联系管理员' } as const;

/** 数据看板's state: whose numbers (use-report-scope.ts), which kind of period and which one (none: the current), and the answer. */
export const useDashboard = (initial: ReportScopeInitial & { kind?: PeriodTab; key?: string } = {}) => {
  const s = useReportScope(initial);
  const { scope, teamId, districtId, target } = s;
  const [kind, setKindState] = useState<PeriodTab>(initial.kind ?? 'month');
  const [key, setKey] = useState<string | undefined>(initial.key);
  const period = { kind, ...(key ? { key } : {}) };
  const resource = useResource({
    key: `report.dashboard:${scope}:${teamId ?? ''}:${districtId ?? ''}:${kind}:${key ?? 'now'}`,
    fetch: () => call(dashboardContract, { scope, ...target, period }),
    // The last answer shows at once on the next open (and offline), then the backend's replaces it.
    cacheSchema: dashboardContract.response,
    mapError: (e) => toApiError(e, { codes: DASHBOARD_MESSAGES }),
  });
  const answered = resource.data?.choices;
  const { keepChoices } = s;
  useEffect(() => {
    if (answered) keepChoices(answered);
  }, [answered, keepChoices]);
  const setKind = (next: PeriodTab) => {
    setKindState(next);
    setKey(undefined);
  };
  return { ...resource, scope, setScope: s.setScope, teamId, districtId, target, choices: s.choices, kind, setKind, periodKey: resource.data?.period.key ?? key, setKey };
};
