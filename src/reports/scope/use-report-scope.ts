import { useState } from 'react';
import type * as v from 'valibot';
import type { ScopeChoicesSchema } from '../../../domain/api/report.contracts';

export type ReportScope = 'person' | 'unit' | 'district' | 'team' | 'city';
export type ScopeChoices = v.InferOutput<typeof ScopeChoicesSchema>;

const NO_CHOICES: ScopeChoices = { teams: [], city: false };
const PARAM_SCOPES: readonly string[] = ['person', 'unit', 'district', 'team', 'city'];

/** A page parameter as a scope (unknown: none, so the page opens its default). */
export const scopeParam = (value: string | undefined): ReportScope | undefined => (PARAM_SCOPES.includes(value ?? '') ? (value as ReportScope) : undefined);

export interface ReportScopeInitial {
  scope?: ReportScope;
  teamId?: string;
  /** A district a city admin opened from the city. */
  districtId?: string;
}

/**
 * Whose numbers a report page shows (数据看板, 招商热力图): the scope, a team by id, a district by id when a city
 * admin opened it from the city. The wider scopes the caller may pick come with each answer (the page hands them
 * to `keepChoices`) and are kept while the next one loads, so the picker does not flicker.
 */
export const useReportScope = (initial: ReportScopeInitial) => {
  const [scope, setScopeState] = useState<ReportScope>(initial.scope ?? 'unit');
  const [teamId, setTeamId] = useState<string | undefined>(initial.teamId);
  const [districtId] = useState<string | undefined>(initial.districtId);
  const [choices, setChoices] = useState<ScopeChoices>(NO_CHOICES);
  /** What the request names besides the scope. */
  const target = scope === 'team' ? { teamId } : scope === 'district' && districtId ? { districtId } : {};
  /** 团队 opens the first team the caller may read unless one is named. */
  const setScope = (next: ReportScope, nextTeamId?: string) => {
    if (next === 'team') setTeamId(nextTeamId ?? teamId ?? choices.teams[0]?.teamId);
    setScopeState(next);
  };
  return { scope, setScope, teamId, districtId, target, choices, keepChoices: setChoices };
};
