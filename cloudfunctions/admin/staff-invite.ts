import { adminStaffInviteContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { hasInvite, inviteExpiry } from '../../domain/org/invite.rules';
import { defineAction } from '../_lib/define-action';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { getStaffTx, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import { actorOf, auditEntry, openOfficeForWrite } from './office-context';
import { freshInviteCode, loadManageableStaff } from './staff-access';

/** Re-issues (the old code stops working) or revokes an unused invite code. */
export const adminStaffInviteAction = defineAction(adminStaffInviteContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const target = await loadManageableStaff(deps, office, input.staffId);
  if (target.status !== 'invited' || target.openid) throw new DomainError('ADMIN.INVITE_NOT_PENDING', ['staffId']);
  const fresh = input.op === 'reissue' ? await freshInviteCode(deps) : null;
  const inviteCode = fresh?.code ?? null;
  const inviteExpiresAt = inviteCode ? inviteExpiry(ctx.now) : null;
  await deps.store.transaction(async (tx) => {
    const current = await getStaffTx(tx, target._id);
    // Bound between our read and this write: the code has done its job, nothing to change.
    if (!current || current.status !== 'invited' || current.openid) throw new DomainError('ADMIN.INVITE_NOT_PENDING', ['staffId']);
    // Only the hash is kept (a plain code from before hashing goes too); the code is in this answer only.
    await updateStaffFields(tx, target._id, { inviteCode: null, inviteCodeHash: fresh?.hash ?? null, inviteExpiresAt });
    await recordAudit(
      tx,
      auditEntry(deps, ctx, actorOf(office), input.op === 'reissue' ? 'staff.invite_reissue' : 'staff.invite_revoke', { kind: 'staff', id: target._id }, { invite: hasInvite(current) ? 'issued' : 'none', expiresAt: current.inviteExpiresAt ?? null }, { invite: inviteCode ? 'issued' : 'none', expiresAt: inviteExpiresAt }),
    );
  });
  return { inviteCode, inviteExpiresAt };
});
