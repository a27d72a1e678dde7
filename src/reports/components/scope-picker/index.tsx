import { Segmented, type SegmentedOption } from '../../../components/segmented';

export interface ScopePickerProps {
  /** The scopes this viewer may pick (scope-options.ts). */
  options: readonly SegmentedOption[];
  active: string;
  /** The teams the viewer may read; a second row picks one when there are several. */
  teams: ReadonlyArray<{ teamId: string; name: string }>;
  teamId: string | undefined;
  onChange: (scope: string, teamId?: string) => void;
  /** `dashboard` gives dashboard-scope-… and dashboard-team-…. */
  testIdPrefix: string;
}

/** Whose numbers: the same picker on 数据看板 and 招商热力图. */
export function ScopePicker({ options, active, teams, teamId, onChange, testIdPrefix }: ScopePickerProps) {
  return (
    <>
      <Segmented options={options} active={active} onChange={(k) => onChange(k)} testId={`${testIdPrefix}-scope`} />
      {active === 'team' && teams.length > 1 ? (
        <Segmented options={teams.map((t) => ({ key: t.teamId, label: t.name }))} active={teamId ?? ''} onChange={(k) => onChange('team', k)} testId={`${testIdPrefix}-team`} />
      ) : null}
    </>
  );
}
