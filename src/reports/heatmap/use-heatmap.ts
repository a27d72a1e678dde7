import { useEffect, useState } from 'react';
import { heatmapContract } from '../../../domain/api/heatmap.contracts';
import type { HeatmapKind, HeatmapMeasure } from '../../../domain/report/heatmap.rules';
import { useResource } from '../../hooks/use-resource';
import { call, toApiError } from '../../services/api-client';
import type { PeriodTab } from '../dashboard/dashboard-view';
import { useReportScope, type ReportScopeInitial } from '../scope/use-report-scope';

const HEATMAP_MESSAGES = { 'AUTH.FORBIDDEN': '你只能查看本人、本单位和所在团队的数据；全区、全市数据请联系管理员' } as const;

/** 招商热力图's state: whose numbers (use-report-scope.ts, as 数据看板), which map and measure, which period (none: the current), and the answer. */
export const useHeatmap = (initial: ReportScopeInitial & { kind?: PeriodTab; key?: string } = {}) => {
  const s = useReportScope(initial);
  const { scope, teamId, districtId, target } = s;
  const [periodKind, setPeriodKindState] = useState<PeriodTab>(initial.kind ?? 'month');
  const [key, setKey] = useState<string | undefined>(initial.key);
  const [kind, setKind] = useState<HeatmapKind>('origin_industry');
  const [measure, setMeasure] = useState<HeatmapMeasure>('inquiries');
  const period = { kind: periodKind, ...(key ? { key } : {}) };
  const resource = useResource({
    key: `report.heatmap:${scope}:${teamId ?? ''}:${districtId ?? ''}:${periodKind}:${key ?? 'now'}:${kind}:${measure}`,
    fetch: () => call(heatmapContract, { scope, ...target, period, kind, measure }),
    cacheSchema: heatmapContract.response,
    mapError: (e) => toApiError(e, { codes: HEATMAP_MESSAGES }),
  });
  const answered = resource.data?.choices;
  const { keepChoices } = s;
  useEffect(() => {
    if (answered) keepChoices(answered);
  }, [answered, keepChoices]);
  const setPeriodKind = (next: PeriodTab) => {
    setPeriodKindState(next);
    setKey(undefined);
  };
  return { ...resource, scope, setScope: s.setScope, teamId, districtId, target, choices: s.choices, periodKind, setPeriodKind, setKey, kind, setKind, measure, setMeasure };
};
