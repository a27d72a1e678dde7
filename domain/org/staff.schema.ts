import * as v from 'valibot';
import { englishLine } from '../common/content-language';
import { id, imageRef, isoTime, line } from '../common/text';

/**
 * `admin`: the district admin (everything of their district). `unit_leader`: their own unit's staff, cards and
 * carriers. `city_admin`: reads every district of its city, writes nothing. `carrier_manager`: a building or park
 * manager on the staff, managing the carriers that name them. External managers are not staff: they confirm
 * vacancy through a tokenised link only (domain/carrier/vacancy.rules.ts).
 */
export const STAFF_ROLES = ['commissioner', 'staff', 'unit_leader', 'admin', 'city_admin', 'carrier_manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_STATUSES = ['invited', 'active', 'revoked'] as const;

export const StaffSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  unitId: id(),
  name: line(1, 20),
  title: line(1, 30),
  /**
   * The person's name and title for investors reading English (the card's contact, the directory, the handler and
   * reply authors of 我的咨询, a carrier's manager); a card's own English name wins over these. Empty or missing:
   * the Chinese, marked «中文».
   */
  nameEn: englishLine(40),
  titleEn: englishLine(60),
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
  /**
   * A code in plain text, as accounts stored before codes were hashed (and the demo seed) hold it: it still binds,
   * and the `admin` function's invite-hash migration turns it into `inviteCodeHash`. New codes are never stored so.
   */
  inviteCode: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Z0-9]{8}$/)))),
  /** The one-time code's keyed hash (cloudfunctions/_lib/invite-code-hash.ts); null once used or revoked. */
  inviteCodeHash: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)))),
  /** After this the code binds nothing (re-issue a new one). Missing: no expiry (seeded codes). */
  inviteExpiresAt: v.optional(v.nullable(isoTime())),
  revokedAt: v.optional(v.nullable(isoTime())),
  /** 工号 from a staff import: the person's external key (else their phone). */
  employeeNo: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/)))),
  createdAt: isoTime(),
});
export type Staff = v.InferOutput<typeof StaffSchema>;
