import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import type { RequestContext } from './request-context';

/**
 * Who is asking, from the trusted context only: a WeChat user (their leads by openid) or a web visitor (their
 * browser's leads). The stored request names them by a hash, so it carries no identity of its own.
 */
export interface PrivacyRequester {
  key: string;
  leadsWhere: Record<string, string>;
  owns: (lead: Pick<Lead, 'submitter'>) => boolean;
}

export const privacyRequesterOf = (ctx: Pick<RequestContext, 'openid' | 'visitor'>): PrivacyRequester => {
  const { openid, visitor } = ctx;
  if (openid) {
    return { key: hashIdentity(`wx:${openid}`), leadsWhere: { 'submitter.openid': openid }, owns: (l) => l.submitter.openid === openid };
  }
  if (visitor) {
    return { key: hashIdentity(`web:${visitor}`), leadsWhere: { 'submitter.visitor': visitor }, owns: (l) => l.submitter.visitor === visitor };
  }
  throw new DomainError('AUTH.SIGN_IN_REQUIRED');
};

const hashIdentity = (identity: string): string => createHash('sha256').update(`investcard:privacy:${identity}`).digest('hex').slice(0, 40);

/** One request per (kind, requester, district, inquiries): asking the same again finds it by this id. */
export const privacyRequestIdFor = (kind: string, requesterKey: string, districtId: string, leadIds: readonly string[]): string =>
  `pr_${createHash('sha256').update([kind, requesterKey, districtId, ...[...leadIds].sort()].join('\u0000')).digest('hex').slice(0, 40)}`;
