import { useEffect, useState } from 'react';
import type * as v from 'valibot';
import { dashboardContract } from '../../../domain/api/report.contracts';
import { useResource } from '../../hooks/use-resource';
import { call, toApiError } from '../../services/api-client';
import type { PeriodTab } from './dashboard-view';

export type DashboardScope = 'person' | 'unit' | 'district' | 'team' | 'city';
export type ScopeChoices = v.InferOutput<typeof dashboardContract.response>['choices'];

const DASHBOARD_MESSAGES = { 'AUTH.FORBIDDEN': '你只能查看本人、本单位和所在团队的数据；全区、全市数据请联系管理员' } as const;
const NO_CHOICES: ScopeChoices = { teams: [], city: false };

/**
 * 数据看板's state: whose numbers (a team by id; a district by id when a city admin opened it from the city),
 * which kind of period and which one (none: the current), and the answer. The wider scopes the caller may pick
 * come with each answer and are kept while the next one loads, so the picker does not flicker.
 */
export const useDashboard = (initial: { scope?: DashboardScope; kind?: PeriodTab; key?: string; teamId?: string; districtId?: string } = {}) => {
  const [scope, setScopeState] = useState<DashboardScope>(initial.scope ?? 'unit');
  const [teamId, setTeamId] = useState<string | undefined>(initial.teamId);
  const [districtId] = useState<string | undefined>(initial.districtId);
  const [kind, setKindState] = useState<PeriodTab>(initial.kind ?? 'month');
  const [key, setKey] = useState<string | undefined>(initial.key);
  const [choices, setChoices] = useState<ScopeChoices>(NO_CHOICES);
  const period = { kind, ...(key ? { key } : {}) };
  const target = scope === 'team' ? { teamId } : scope === 'district' && districtId ? { districtId } : {};
  const resource = useResource({
    key: `report.dashboard:${scope}:${teamId ?? ''}:${districtId ?? ''}:${kind}:${key ?? 'now'}`,
    fetch: () => call(dashboardContract, { scope, ...target, period }),
    // The last answer shows at once on the next open (and offline), then the backend's replaces it.
    cacheSchema: dashboardContract.response,
    mapError: (e) => toApiError(e, { codes: DASHBOARD_MESSAGES }),
  });
  const answered = resource.data?.choices;
  useEffect(() => {
    if (answered) setChoices(answered);
  }, [answered]);
  const setKind = (next: PeriodTab) => {
    setKindState(next);
    setKey(undefined);
  };
  /** 团队 opens the first team the caller may read unless one is named. */
  const setScope = (next: DashboardScope, nextTeamId?: string) => {
    if (next === 'team') setTeamId(nextTeamId ?? teamId ?? choices.teams[0]?.teamId);
    setScopeState(next);
  };
  return { ...resource, scope, setScope, teamId, districtId, target, choices, kind, setKind, periodKey: resource.data?.period.key ?? key, setKey };
};
