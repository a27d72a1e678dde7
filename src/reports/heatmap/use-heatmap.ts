import { useState } from 'react';
import { heatmapContract } from '../../../domain/api/heatmap.contracts';
import type { HeatmapKind, HeatmapMeasure } from '../../../domain/report/heatmap.rules';
import { useResource } from '../../hooks/use-resource';
import { call, toApiError } from '../../services/api-client';
import type { PeriodTab } from '../dashboard/dashboard-view';
import type { DashboardScope } from '../dashboard/use-dashboard';

const HEATMAP_MESSAGES = { 'AUTH.FORBIDDEN': '你只能查看本人和本单位的数据；全区数据请联系管理员' } as const;

/** 招商热力图's state: whose numbers, which map and measure, which period (none: the current), and the answer. */
export const useHeatmap = (initial: { scope?: DashboardScope; kind?: PeriodTab; key?: string } = {}) => {
  const [scope, setScope] = useState<DashboardScope>(initial.scope ?? 'unit');
  const [periodKind, setPeriodKindState] = useState<PeriodTab>(initial.kind ?? 'month');
  const [key, setKey] = useState<string | undefined>(initial.key);
  const [kind, setKind] = useState<HeatmapKind>('origin_industry');
  const [measure, setMeasure] = useState<HeatmapMeasure>('inquiries');
  const period = { kind: periodKind, ...(key ? { key } : {}) };
  const resource = useResource({
    key: `report.heatmap:${scope}:${periodKind}:${key ?? 'now'}:${kind}:${measure}`,
    fetch: () => call(heatmapContract, { scope, period, kind, measure }),
    cacheSchema: heatmapContract.response,
    mapError: (e) => toApiError(e, { codes: HEATMAP_MESSAGES }),
  });
  const setPeriodKind = (next: PeriodTab) => {
    setPeriodKindState(next);
    setKey(undefined);
  };
  return { ...resource, scope, setScope, periodKind, setPeriodKind, setKey, kind, setKind, measure, setMeasure };
};
