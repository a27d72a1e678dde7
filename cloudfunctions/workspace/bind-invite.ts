import { bindInviteContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { inviteUsable } from '../../domain/org/invite.rules';
import { defineAction } from '../_lib/define-action';
import { inviteCodeHash } from '../_lib/invite-code-hash';
import { spendRate } from '../_lib/rate-limit';
import { bindStaffIdentity, findInvitedStaff } from '../_lib/repositories/staff.repository';

/** Binds the caller's WeChat identity to a staff account created by an admin, once. */
export const bindInviteAction = defineAction(bindInviteContract, async (deps, ctx, input) => {
  if (!ctx.openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  if (ctx.actor.kind === 'staff' || ctx.actor.kind === 'revoked_staff') throw new DomainError('AUTH.FORBIDDEN');
  const openidForLimit = ctx.openid;
  // Attempts are counted before the lookup, so guessing codes is throttled whether or not a guess hits.
  await spendRate(deps.store, [{ key: `invite:u:${openidForLimit}:1h`, limit: 10, windowMs: 3600_000 }], ctx.now);
  const hash = inviteCodeHash(deps.analyticsSecret, input.inviteCode);
  const invited = await findInvitedStaff(deps.store, input.inviteCode, hash);
  if (!invited || !inviteUsable(invited, ctx.now)) throw new DomainError('AUTH.INVITE_INVALID');
  if (!(await bindStaffIdentity(deps.store, invited._id, ctx.openid, input.inviteCode, hash, ctx.now))) throw new DomainError('AUTH.INVITE_INVALID');
  return { staffId: invited._id, name: invited.name };
}, { needsActor: true });
