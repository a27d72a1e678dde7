import { bindInviteContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { inviteUsable } from '../../domain/org/invite.rules';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction } from '../_lib/define-action';
import { consumeRate } from '../_lib/rate-limit';
import { COLLECTIONS } from '../_lib/store/collections';

/** Binds the caller's WeChat identity to a staff account created by an admin, once. */
export const bindInviteAction = defineAction(bindInviteContract, async (deps, ctx, input) => {
  if (!ctx.openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  if (ctx.actor.kind === 'staff' || ctx.actor.kind === 'revoked_staff') throw new DomainError('AUTH.FORBIDDEN');
  const openidForLimit = ctx.openid;
  // Attempts are counted before the lookup, so guessing codes is throttled whether or not a guess hits.
  await deps.store.transaction((tx) => consumeRate(tx, [{ key: `invite:u:${openidForLimit}:1h`, limit: 10, windowMs: 3600_000 }], ctx.now));
  const [invited] = await deps.store.find<Staff>(COLLECTIONS.staff.name, { where: { inviteCode: input.inviteCode, status: 'invited' }, limit: 1 });
  if (!invited || !inviteUsable(invited, ctx.now)) throw new DomainError('AUTH.INVITE_INVALID');
  const openid = ctx.openid;
  const bound = await deps.store.transaction(async (tx) => {
    const fresh = await tx.get<Staff>(COLLECTIONS.staff.name, invited._id);
    if (!fresh || !inviteUsable(fresh, ctx.now) || fresh.inviteCode !== input.inviteCode) return false;
    // One-time: the code is spent with the binding.
    return tx.update(COLLECTIONS.staff.name, invited._id, { set: { openid, status: 'active', inviteCode: null, inviteExpiresAt: null } });
  });
  if (!bound) throw new DomainError('AUTH.INVITE_INVALID');
  return { staffId: invited._id, name: invited.name };
});
