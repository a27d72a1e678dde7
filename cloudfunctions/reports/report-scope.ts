import type * as v from 'valibot';
import type { PeriodRequestSchema, REPORT_SCOPES } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import { periodContaining, periodFromKey, rangePeriod, type Period } from '../../domain/report/period.rules';
import type { Deps } from '../_lib/deps';
import type { Team } from '../../domain/org/team.schema';
import { listCityDistricts } from '../_lib/repositories/org-admin.repository';
import { getDistrict, getUnit, listUnits } from '../_lib/repositories/org.repository';
import { listRollups, listRollupsOfMany, type RollupDoc } from '../_lib/repositories/rollup.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { getTeam, listTeams } from '../_lib/repositories/team.repository';

const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 3600_000;

/** The period a request names; anything that is not one is refused with REPORT.PERIOD_INVALID. */
export const resolvePeriod = (req: v.InferOutput<typeof PeriodRequestSchema>, now: Date): Period => {
  if (req.kind === 'range') {
    if (!req.from || !req.to || req.key) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
    const first = new Date(`${req.from}T00:00:00+08:00`);
    const last = new Date(`${req.to}T00:00:00+08:00`);
    const days = (last.getTime() - first.getTime()) / DAY_MS + 1;
    if (days < 1 || days > MAX_RANGE_DAYS) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
    return rangePeriod(first, last);
  }
  if (req.from || req.to) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
  if (!req.key) return periodContaining(req.kind, now);
  const period = periodFromKey(req.key);
  if (!period || period.kind !== req.kind) throw new DomainError('REPORT.PERIOD_INVALID', ['period']);
  return period;
};

export type ResolvedScope = (
  | { scope: 'person'; staffId: string }
  | { scope: 'unit'; unitId: string }
  | { scope: 'district' }
  | { scope: 'team'; teamId: string; memberStaffIds: string[] }
  | { scope: 'city'; districts: Array<{ _id: string; name: string }> }
) & {
  label: string;
  /** The district whose rows are read (for `city`: the caller's home district, the audit's district). */
  districtId: string;
  /** Whether the scope's leads may be listed or exported: never for a city admin's reading of the city. */
  leadsOpen: boolean;
};

type ScopeRequest = { scope: (typeof REPORT_SCOPES)[number]; unitId?: string; staffId?: string; teamId?: string; districtId?: string };

const isCityAdmin = (me: Staff) => me.status === 'active' && me.roles.includes('city_admin');

/** The districts a city admin reads: every district of their home district's city; none without a city. */
const cityOf = async (deps: Deps, me: Staff) => {
  const home = await getDistrict(deps.store, me.districtId);
  if (!home?.cityId) throw new DomainError('AUTH.FORBIDDEN');
  return { home, districts: await listCityDistricts(deps.store, home.cityId) };
};

/**
 * Who may read whose numbers: everyone their own and their own unit's; a unit leader the people of the unit;
 * a team its members and its leader (not the leaders of the members' units: a team's sum holds other units'
 * people); an admin any person, unit or team of the district and the district itself; a city admin the city
 * and each of its districts, figures only. Nothing of another district; what lies outside answers AUTH.FORBIDDEN.
 */
export const resolveScope = async (deps: Deps, me: Staff, req: ScopeRequest): Promise<ResolvedScope> => {
  const admin = me.roles.includes('admin');
  const extra = (...fields: Array<keyof ScopeRequest>) => fields.find((f) => req[f] !== undefined);
  if (req.scope === 'city') {
    const wrong = extra('unitId', 'staffId', 'teamId', 'districtId');
    if (wrong) throw new DomainError('VALIDATION.INVALID_INPUT', [wrong]);
    if (!isCityAdmin(me)) throw new DomainError('AUTH.FORBIDDEN');
    const { districts } = await cityOf(deps, me);
    return { scope: 'city', label: '全市', districtId: me.districtId, districts: districts.map((d) => ({ _id: d._id, name: d.name })), leadsOpen: false };
  }
  if (req.scope === 'district') {
    const wrong = extra('unitId', 'staffId', 'teamId');
    if (wrong) throw new DomainError('VALIDATION.INVALID_INPUT', [wrong]);
    if (admin && (req.districtId === undefined || req.districtId === me.districtId)) return { scope: 'district', label: '全区', districtId: me.districtId, leadsOpen: true };
    if (!isCityAdmin(me)) throw new DomainError('AUTH.FORBIDDEN');
    const { districts } = await cityOf(deps, me);
    const target = districts.find((d) => d._id === (req.districtId ?? me.districtId));
    if (!target) throw new DomainError('AUTH.FORBIDDEN');
    return { scope: 'district', label: target.name, districtId: target._id, leadsOpen: false };
  }
  if (req.scope === 'team') {
    const wrong = extra('unitId', 'staffId', 'districtId');
    if (wrong) throw new DomainError('VALIDATION.INVALID_INPUT', [wrong]);
    if (!req.teamId) throw new DomainError('VALIDATION.INVALID_INPUT', ['teamId']);
    const team = await getTeam(deps.store, req.teamId);
    if (!team || team.districtId !== me.districtId || !canReadTeam(me, team)) throw new DomainError('AUTH.FORBIDDEN');
    return { scope: 'team', teamId: team._id, label: team.name, districtId: me.districtId, memberStaffIds: [...team.memberStaffIds], leadsOpen: true };
  }
  if (req.scope === 'unit') {
    const wrong = extra('staffId', 'teamId', 'districtId');
    if (wrong) throw new DomainError('VALIDATION.INVALID_INPUT', [wrong]);
    const unitId = req.unitId ?? me.unitId;
    if (unitId !== me.unitId && !admin) throw new DomainError('AUTH.FORBIDDEN');
    const unit = await getUnit(deps.store, unitId);
    if (!unit || unit.districtId !== me.districtId) throw new DomainError('AUTH.FORBIDDEN');
    return { scope: 'unit', unitId, label: unit.name, districtId: me.districtId, leadsOpen: true };
  }
  const wrong = extra('unitId', 'teamId', 'districtId');
  if (wrong) throw new DomainError('VALIDATION.INVALID_INPUT', [wrong]);
  const staffId = req.staffId ?? me._id;
  const person = staffId === me._id ? me : await getStaff(deps.store, staffId);
  const allowed = person && person.districtId === me.districtId && (person._id === me._id || admin || (me.roles.includes('unit_leader') && person.unitId === me.unitId));
  if (!person || !allowed) throw new DomainError('AUTH.FORBIDDEN');
  return { scope: 'person', staffId, label: person.name, districtId: me.districtId, leadsOpen: true };
};

/** A team's numbers: its members, its leader, and the district admin (the team's district is checked by the caller). */
export const canReadTeam = (me: Staff, team: Pick<Team, 'leaderStaffId' | 'memberStaffIds'>): boolean =>
  me.roles.includes('admin') || team.leaderStaffId === me._id || team.memberStaffIds.includes(me._id);

/** The teams a caller may pick on the dashboard (an admin: all of the district's). */
const readableTeams = async (deps: Deps, me: Staff) => (await listTeams(deps.store, me.districtId)).filter((t) => canReadTeam(me, t)).map((t) => ({ teamId: t._id, name: t.name }));

/** The wider scopes a caller may pick on 数据看板 and 招商热力图: the teams they may read, and whether the city. */
export const scopeChoices = async (deps: Deps, me: Staff) => ({ teams: await readableTeams(deps, me), city: isCityAdmin(me) });

/** A scope's roll-up rows for one period: one paged query whatever the team's or the city's size. */
export const scopeRollups = (deps: Deps, scope: ResolvedScope, p: Period): Promise<RollupDoc[]> => {
  const { fromDay, toDay } = periodDays(p);
  switch (scope.scope) {
    case 'unit':
      return listRollups(deps.store, scope.districtId, fromDay, toDay, { unitId: scope.unitId });
    case 'person':
      return listRollups(deps.store, scope.districtId, fromDay, toDay, { staffId: scope.staffId });
    case 'team':
      return listRollupsOfMany(deps.store, { districtId: scope.districtId, staffIds: scope.memberStaffIds }, fromDay, toDay);
    case 'city':
      return listRollupsOfMany(deps.store, { districtIds: scope.districts.map((d) => d._id) }, fromDay, toDay);
    case 'district':
      return listRollups(deps.store, scope.districtId, fromDay, toDay);
  }
};

/** The unit names a scope's breakdown by unit is labelled with (a city: every district's units, in one wave). */
export const scopeUnitNames = async (deps: Deps, scope: ResolvedScope): Promise<Map<string, string>> => {
  const districtIds = scope.scope === 'city' ? scope.districts.map((d) => d._id) : [scope.districtId];
  const lists = await Promise.all(districtIds.map((id) => listUnits(deps.store, id)));
  return new Map(lists.flat().map((u) => [u._id, u.name]));
};

/** China day (YYYY-MM-DD) bounds of a period, both inclusive: what roll-up rows are keyed by. */
export const periodDays = (p: Period): { fromDay: string; toDay: string } => {
  const day = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { fromDay: day(p.start), toDay: day(new Date(p.end.getTime() - 1)) };
};

export const periodView = (p: Period) => ({ kind: p.kind, key: p.key, label: p.label, start: p.start.toISOString(), end: p.end.toISOString() });
