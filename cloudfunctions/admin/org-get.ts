import { adminOrgGetContract } from '../../domain/api/admin.contracts';
import { canManageUnitStaff, canWriteDistrict, rolesGrantableBy } from '../../domain/org/admin-access.rules';
import { chinaDay } from '../../domain/org/duty-rota.rules';
import { hasInvite, inviteUsable } from '../../domain/org/invite.rules';
import { defineAction } from '../_lib/define-action';
import { getDutyDays } from '../_lib/repositories/duty-rota.repository';
import { listAllDistrictStaff } from '../_lib/repositories/org-admin.repository';
import { listUnits } from '../_lib/repositories/org.repository';
import { listTeams } from '../_lib/repositories/team.repository';
import { openOffice } from './office-context';

const ROTA_DAYS = 14;

const daysFrom = (first: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${first}T00:00:00.000Z`) + i * 86_400_000).toISOString().slice(0, 10));

/** Units, teams, people and the coming fortnight's rota: everything 单位与人员 shows. */
export const adminOrgGetAction = defineAction(adminOrgGetContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx, input.districtId);
  const { district, staff: me } = office;
  const days = daysFrom(input.rotaFrom ?? chinaDay(ctx.now), ROTA_DAYS);
  const [units, teams, staff, rota] = await Promise.all([
    listUnits(deps.store, district._id),
    listTeams(deps.store, district._id),
    listAllDistrictStaff(deps.store, district._id),
    getDutyDays(deps.store, district._id, days),
  ]);
  const names = new Map(staff.map((s) => [s._id, s.name]));
  const ownDistrict = district._id === me.districtId;
  return {
    districtId: district._id,
    canEditDistrict: canWriteDistrict(me, district._id),
    manageableUnitIds: ownDistrict ? units.filter((u) => canManageUnitStaff(me, { districtId: district._id, unitId: u._id })).map((u) => u._id) : [],
    grantableRoles: ownDistrict ? [...rolesGrantableBy(me)] : [],
    units: units.map((u) => ({ id: u._id, name: u.name, nameEn: u.nameEn ?? '', kind: u.kind, isEconomic: u.isEconomic, leaderStaffId: u.leaderStaffId ?? null, parentUnitId: u.parentUnitId ?? null })),
    teams: teams.map((t) => ({ id: t._id, name: t.name, leaderStaffId: t.leaderStaffId ?? null, memberStaffIds: t.memberStaffIds })),
    staff: staff.map((s) => {
      const pending = s.status === 'invited' && !s.openid && hasInvite(s);
      return {
        id: s._id,
        name: s.name,
        title: s.title,
        ...(s.nameEn ? { nameEn: s.nameEn } : {}),
        ...(s.titleEn ? { titleEn: s.titleEn } : {}),
        unitId: s.unitId,
        roles: s.roles,
        status: s.status,
        phone: s.phone,
        // Whether an unused code exists, never the code: it is shown once, when it is issued.
        invitePending: pending,
        inviteExpiresAt: pending ? (s.inviteExpiresAt ?? null) : null,
        inviteExpired: pending && !inviteUsable(s, ctx.now),
      };
    }),
    rota: days.map((day, i) => ({ day, staffId: rota[i]?.staffId ?? null, staffName: rota[i] ? (names.get(rota[i].staffId) ?? null) : null })),
  };
});
