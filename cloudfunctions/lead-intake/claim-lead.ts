import { claimLeadContract } from '../../domain/api/lead.contracts';
import { DomainError } from '../../domain/common/result';
import { normalizeClaimCode } from '../../domain/lead/web-challenge.rules';
import { defineAction } from '../_lib/define-action';
import { spendRate } from '../_lib/rate-limit';
import { bindClaimedLead, getLeadClaim } from '../_lib/repositories/lead-claim.repository';
import { claimDocumentId } from '../_lib/web-visitor';

/** Guessing is bounded: every attempt counts, right or wrong (~50-bit codes, 10 tries an hour per person). */
const CLAIM_ATTEMPTS_PER_HOUR = 10;

/**
 * 认领: a signed-in WeChat user enters the code a web inquiry showed; the inquiry becomes theirs (我的咨询).
 * Single use: a second claim of the same code, by anyone, is refused.
 */
export const claimLeadAction = defineAction(claimLeadContract, async (deps, ctx, input) => {
  const openid = ctx.openid;
  if (!openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  const code = normalizeClaimCode(input.code);
  if (!code) throw new DomainError('LEAD.CLAIM_INVALID', ['code']);
  await spendRate(deps.store, [{ key: `lead:claim:${openid}:1h`, limit: CLAIM_ATTEMPTS_PER_HOUR, windowMs: 3600_000 }], ctx.now);
  const id = claimDocumentId(deps.analyticsSecret, code);
  return deps.store.transaction(async (tx) => {
    const claim = await getLeadClaim(tx, id);
    if (!claim) throw new DomainError('LEAD.CLAIM_INVALID', ['code']);
    if (claim.claimedBy) throw new DomainError('LEAD.CLAIM_USED', ['code']);
    await bindClaimedLead(tx, claim, openid, ctx.now.toISOString());
    return { leadId: claim.leadId };
  });
});
