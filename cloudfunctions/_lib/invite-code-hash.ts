import { createHmac } from 'node:crypto';
import { DomainError } from '../../domain/common/result';

/**
 * What the store keeps of an invite code: HMAC-SHA256 under the deployment's secret (ANALYTICS_SALT, under its own
 * label). An 8-character code has only 40 bits, so a plain hash of a leaked staff collection could be searched
 * through in minutes; without the secret it cannot. The code itself is shown once, when it is issued.
 */
export const inviteCodeHash = (secret: string | null, code: string): string => {
  if (!secret) throw new DomainError('CONFIG.ANALYTICS_SECRET_MISSING');
  return createHmac('sha256', secret).update(`invite\u0000${code}`).digest('hex');
};
