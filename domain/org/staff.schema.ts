import * as v from 'valibot';
import { id, imageRef, isoTime, line } from '../common/text';

export const STAFF_ROLES = ['commissioner', 'staff', 'unit_leader', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_STATUSES = ['invited', 'active', 'revoked'] as const;

export const StaffSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  unitId: id(),
  name: line(1, 20),
  title: line(1, 30),
  roles: v.pipe(v.array(v.picklist(STAFF_ROLES)), v.minLength(1)),
  status: v.picklist(STAFF_STATUSES),
  phone: line(5, 20),
  // Optional and clearable (null) from the card editor.
  wechatId: v.optional(v.nullable(line(1, 40))),
  photo: v.optional(v.nullable(imageRef())),
  wechatQr: v.optional(v.nullable(imageRef())),
  industryFocus: v.pipe(v.array(line(1, 20)), v.maxLength(8)),
  /** Bound on first sign-in through a one-time invite code; null until then. */
  openid: v.nullable(v.pipe(v.string(), v.maxLength(128))),
  inviteCode: v.optional(v.pipe(v.string(), v.regex(/^[A-Z0-9]{8}$/))),
  createdAt: isoTime(),
});
export type Staff = v.InferOutput<typeof StaffSchema>;
