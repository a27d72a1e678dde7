import { webChallengeContract } from '../../domain/api/lead.contracts';
import { WEB_CHALLENGE_BITS, WEB_CHALLENGE_TTL_MS } from '../../domain/lead/web-challenge.rules';
import { defineAction } from '../_lib/define-action';
import { signChallenge } from '../_lib/web-visitor';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh proof-of-work challenge for the caller: random id, expiry and difficulty, signed for this visitor
 * (or WeChat user) only. Nothing is stored: a challenge is remembered only once it is used.
 */
export const issueChallengeAction = defineAction(webChallengeContract, async (deps, ctx) => {
  const bits = deps.intakeLimits.webChallengeBits ?? WEB_CHALLENGE_BITS;
  const id = Array.from(deps.randomBytes(20), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  const expiresAtMs = ctx.now.getTime() + WEB_CHALLENGE_TTL_MS;
  const challenge = signChallenge(deps.analyticsSecret, { id, expiresAtMs, bits }, callerKey(ctx));
  return { challenge, bits, expiresAt: new Date(expiresAtMs).toISOString() };
});

/** Who a challenge is bound to: the WeChat user, else the web visitor. */
export const callerKey = (ctx: { openid: string | null; visitor?: string | null }): string => (ctx.openid ? `o:${ctx.openid}` : `v:${ctx.visitor ?? ''}`);
