import { adminTeamSaveContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import type { Team } from '../../domain/org/team.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { getTeam, insertTeam, updateTeam } from '../_lib/repositories/team.repository';
import { actorOf, auditEntry, openOfficeForWrite, requireDistrictAdmin, snapshot } from './office-context';

/** A team across units (招商小组): members and a leader, all of the caller's district. District admins only. */
export const adminTeamSaveAction = defineAction(adminTeamSaveContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  requireDistrictAdmin(office);
  const districtId = office.home._id;
  const members = [...new Set(input.memberStaffIds)];
  if (members.length !== input.memberStaffIds.length) throw new DomainError('ADMIN.INVALID_VALUE', ['memberStaffIds']);
  const people = await Promise.all([...members, ...(input.leaderStaffId ? [input.leaderStaffId] : [])].map((id) => getStaff(deps.store, id)));
  if (people.some((p) => !p || p.districtId !== districtId)) throw new DomainError('STAFF.NOT_FOUND', ['memberStaffIds']);
  if (input.leaderStaffId && !members.includes(input.leaderStaffId)) members.push(input.leaderStaffId);
  const now = ctx.now.toISOString();
  const teamId = input.teamId ?? newId('team', ctx.now, deps.randomBytes);
  await deps.store.transaction(async (tx) => {
    const fields = { name: input.name, leaderStaffId: input.leaderStaffId, memberStaffIds: members, updatedAt: now };
    if (input.teamId) {
      const before = await getTeam(tx, input.teamId);
      if (!before || before.districtId !== districtId) throw new DomainError('TEAM.NOT_FOUND', ['teamId']);
      await updateTeam(tx, teamId, fields);
      await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'team.update', { kind: 'team', id: teamId }, snapshot(before), snapshot({ ...before, ...fields })));
    } else {
      const team: Team = { _id: teamId, districtId, ...fields, createdAt: now };
      await insertTeam(tx, team);
      await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'team.create', { kind: 'team', id: teamId }, null, snapshot(team)));
    }
  });
  return { teamId };
});
