import { useState } from 'react';
import { dashboardContract } from '../../../domain/api/report.contracts';
import { useResource } from '../../hooks/use-resource';
import { call, toApiError } from '../../services/api-client';
import type { PeriodTab } from './dashboard-view';

export type DashboardScope = 'person' | 'unit' | 'district';

const DASHBOARD_MESSAGES = { 'AUTH.FORBIDDEN': '你只能查看本人和本单位的数据；全区数据请联系管理员' } as const;

/** 数据看板's state: whose numbers, which kind of period and which one (none: the current), and the answer. */
export const useDashboard = (initial: { scope?: DashboardScope; kind?: PeriodTab; key?: string } = {}) => {
  const [scope, setScope] = useState<DashboardScope>(initial.scope ?? 'unit');
  const [kind, setKindState] = useState<PeriodTab>(initial.kind ?? 'month');
  const [key, setKey] = useState<string | undefined>(initial.key);
  const period = { kind, ...(key ? { key } : {}) };
  const resource = useResource({
    key: `report.dashboard:${scope}:${kind}:${key ?? 'now'}`,
    fetch: () => call(dashboardContract, { scope, period }),
    // The last answer shows at once on the next open (and offline), then the backend's replaces it.
    cacheSchema: dashboardContract.response,
    mapError: (e) => toApiError(e, { codes: DASHBOARD_MESSAGES }),
  });
  const setKind = (next: PeriodTab) => {
    setKindState(next);
    setKey(undefined);
  };
  return { ...resource, scope, setScope, kind, setKind, periodKey: resource.data?.period.key ?? key, setKey };
};
