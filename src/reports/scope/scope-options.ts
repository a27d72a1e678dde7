import type { ReportScope, ScopeChoices } from './use-report-scope';

export const SCOPE_OPTIONS: ReadonlyArray<{ key: ReportScope; label: string }> = [
  { key: 'person', label: '我的' },
  { key: 'unit', label: '本单位' },
  { key: 'team', label: '团队' },
  { key: 'district', label: '全区' },
  { key: 'city', label: '全市' },
];

export interface ScopeViewer {
  roles: readonly string[];
  scope: ReportScope;
  districtId: string | undefined;
  choices: ScopeChoices;
}

/**
 * Only what the backend would answer is offered (it refuses the rest anyway): 团队 to a team's members, leader
 * and the admin; 全区 to the admin; 全市 to a city admin. A district opened from the city stays on its scope.
 */
export const offeredScopes = ({ roles, scope, districtId, choices }: ScopeViewer) =>
  SCOPE_OPTIONS.filter((s) => {
    if (s.key === 'team') return choices.teams.length > 0;
    if (s.key === 'district') return roles.includes('admin') || (scope === 'district' && !!districtId);
    if (s.key === 'city') return choices.city || roles.includes('city_admin');
    return true;
  });
