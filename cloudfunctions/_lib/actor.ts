import type { Staff } from '../../domain/org/staff.schema';
import type { Deps } from './deps';
import type { RequestContext } from './request-context';
import { findStaffByOpenid } from './repositories/staff.repository';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'investor'; openid: string }
  | { kind: 'staff'; openid: string; staff: Staff }
  /** A bound staff account that has been revoked: treated as an investor, but staff actions say why. */
  | { kind: 'revoked_staff'; openid: string };

export const resolveActor = async (deps: Deps, ctx: RequestContext): Promise<Actor> => {
  if (!ctx.openid) return { kind: 'anonymous' };
  const staff = await findStaffByOpenid(deps.store, ctx.openid);
  if (!staff) return { kind: 'investor', openid: ctx.openid };
  if (staff.status !== 'active') return { kind: 'revoked_staff', openid: ctx.openid };
  return { kind: 'staff', openid: ctx.openid, staff };
};
