import { adminStaffRevokeContract, adminStaffSetRolesContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { canSucceed, defaultCardSuccessor } from '../../domain/org/card-successor.rules';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { notifyStaff } from '../_lib/notifications';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { delegateCard, getCard, listCardsByStaff, listCardsDelegatedTo } from '../_lib/repositories/card.repository';
import { getStaffTx, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import { getDistrict, getUnit } from '../_lib/repositories/org.repository';
import { getStaff, getStaffByIds } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { assertNotLastAdmin, assertRolesGrantable, loadManageableStaff } from './staff-access';

/** Changes a person's roles; effective on their next request (identity and roles are read per request). */
export const adminStaffSetRolesAction = defineAction(adminStaffSetRolesContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  const roles = [...new Set(input.roles)];
  const changed = [...roles.filter((r) => !target.roles.includes(r)), ...target.roles.filter((r) => !roles.includes(r))];
  assertRolesGrantable(office, changed);
  if (!roles.includes('admin')) await assertNotLastAdmin(deps, target);
  await deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, target._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    await updateStaffFields(tx, target._id, { roles });
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'staff.roles', { kind: 'staff', id: target._id }, { roles: before.roles }, { roles }));
  });
  return { staffId: target._id, roles };
});

/**
 * The colleague who answers a revoked person's cards: the one the admin chose (checked like a handover's
 * successor), else the default (unit leader, else the default card's owner), else nobody.
 */
const cardSuccessorFor = async (deps: Deps, target: Staff, chosenId: string | undefined): Promise<Staff | null> => {
  if (chosenId !== undefined) {
    const chosen = await getStaff(deps.store, chosenId);
    if (!chosen || chosen.districtId !== target.districtId) throw new DomainError('STAFF.NOT_FOUND', ['cardSuccessorStaffId']);
    if (!canSucceed(target, chosen)) throw new DomainError('ADMIN.STAFF_INACTIVE', ['cardSuccessorStaffId']);
    return chosen;
  }
  const [unit, district] = await Promise.all([getUnit(deps.store, target.unitId), getDistrict(deps.store, target.districtId)]);
  const defaultCard = district?.defaultCardId ? await getCard(deps.store, district.defaultCardId) : null;
  const [leader, face] = await Promise.all([unit?.leaderStaffId ? getStaff(deps.store, unit.leaderStaffId) : null, defaultCard ? getStaff(deps.store, defaultCard.staffId) : null]);
  return defaultCardSuccessor(target, leader, face);
};

/**
 * Revokes access. The runner resolves the caller from the stored account on every request, so the person's very
 * next call is refused (AUTH.STAFF_REVOKED); an unused invite code dies with the account. Their cards, already
 * shared in Moments, keep working: in the same transaction each is delegated (like a handover's card) to the
 * successor, who now answers its inquiries and is shown as the contact. `cardIds` lists the cards delegated.
 */
export const adminStaffRevokeAction = defineAction(adminStaffRevokeContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  // Revoking an admin is an admin's decision, like granting the role.
  if (target.roles.includes('admin')) assertRolesGrantable(office, ['admin']);
  await assertNotLastAdmin(deps, target);
  const [successor, owned, delegated] = await Promise.all([cardSuccessorFor(deps, target, input.cardSuccessorStaffId), listCardsByStaff(deps.store, target._id), listCardsDelegatedTo(deps.store, target._id)]);
  // Cards the person answered for colleagues who already left would go dark with them: they pass on too.
  const departedOwners = await getStaffByIds(deps.store, delegated.map((c) => c.staffId));
  const inherited = delegated.filter((c) => c.staffId !== target._id && departedOwners.get(c.staffId)?.status === 'revoked');
  const at = ctx.now.toISOString();
  const cardIds: string[] = [];
  await deps.store.transaction(async (tx) => {
    const before = await getStaffTx(tx, target._id);
    if (!before) throw new DomainError('STAFF.NOT_FOUND', ['staffId']);
    const cardsBefore: Array<{ cardId: string; onDutyStaffId: string | null }> = [];
    if (successor) {
      for (const { _id } of owned) {
        const card = await getCard(tx, _id);
        if (!card || card.staffId !== target._id) continue;
        // Without an explicit choice, a card already delegated to an active colleague keeps them.
        const delegate = !input.cardSuccessorStaffId && card.onDutyStaffId && card.onDutyStaffId !== target._id ? await getStaffTx(tx, card.onDutyStaffId) : null;
        if (delegate && canSucceed(target, delegate)) continue;
        cardsBefore.push({ cardId: card._id, onDutyStaffId: card.onDutyStaffId ?? null });
        await delegateCard(tx, card._id, successor._id, at);
        cardIds.push(card._id);
      }
      for (const { _id } of inherited) {
        const card = await getCard(tx, _id);
        if (!card || card.onDutyStaffId !== target._id) continue;
        cardsBefore.push({ cardId: card._id, onDutyStaffId: target._id });
        await delegateCard(tx, card._id, successor._id, at);
        cardIds.push(card._id);
      }
    }
    await updateStaffFields(tx, target._id, { status: 'revoked', revokedAt: at, inviteCode: null, inviteCodeHash: null, inviteExpiresAt: null });
    await recordAudit(
      tx,
      auditEntry(
        deps,
        ctx,
        actorOf(office),
        'staff.revoke',
        { kind: 'staff', id: target._id },
        { status: before.status, cards: cardsBefore },
        { status: 'revoked', cardSuccessorStaffId: successor?._id ?? null, cards: cardIds.map((cardId) => ({ cardId, onDutyStaffId: successor?._id ?? null })) },
      ),
    );
  });
  // The successor learns that the inquiries of these cards now come to them (after the commit, like a handover's).
  if (successor && cardIds.length > 0) {
    await notifyStaff(deps, [successor], () => ({ kind: 'lead_assigned', page: 'staff/inbox/index', fields: { thing1: '同事名片的咨询已转给您', thing2: `${target.name} 的名片 ${cardIds.length} 张`.slice(0, 20), time3: at } }), null);
  }
  return { staffId: target._id, status: 'revoked', cardSuccessorStaffId: successor?._id ?? null, cardIds };
});
