import * as v from 'valibot';
import { CARRIER_TYPES, PHOTO_REVIEW_STATUSES, photoRef, PRICE_UNITS } from '../carrier/carrier.schema';
import { englishLine, englishList, englishParagraph } from '../common/content-language';
import { id, imageRef, line, nonNegative, paragraph } from '../common/text';
import { HeadlineFigureSchema, PolicyDocSchema, SlaSettingsSchema } from '../org/district.schema';
import { dayKey } from '../org/duty-rota.schema';
import { STAFF_ROLES } from '../org/staff.schema';
import { UNIT_KINDS } from '../org/unit.schema';
import { PoolRulesSchema } from '../org/pool-rules.schema';
import { calendarDate } from '../calendar/working-calendar.schema';
import { defineContract } from './contract';

/**
 * The district office (`admin` function). Access `staff` lets the runner refuse everyone else; who may do what
 * inside a district is decided per request in each use case (domain/org/admin-access.rules.ts). Reads take an
 * optional `districtId` so a city admin can look at any district of the city; writes always act on the
 * caller's own district and carry no district id.
 */

const optionalDistrict = v.strictObject({ districtId: v.optional(id()) });
const cursor = () => v.optional(v.pipe(v.string(), v.maxLength(160)));
const phone = () => v.pipe(line(5, 20), v.regex(/^[0-9+\-\s()]{5,20}$/, '电话号码格式不正确'));
const roles = () => v.pipe(v.array(v.picklist(STAFF_ROLES)), v.minLength(1, '至少选择一个角色'), v.maxLength(STAFF_ROLES.length));

export const ADMIN_SCOPES = ['district', 'unit', 'city', 'carriers'] as const;

export const adminHomeContract = defineContract({
  name: 'admin.home',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: optionalDistrict,
  response: v.object({
    scope: v.picklist(ADMIN_SCOPES),
    canWriteDistrict: v.boolean(),
    district: v.object({ id: v.string(), name: v.string() }),
    /** Districts the caller may read (a city admin: every district of the city). */
    districts: v.array(v.object({ id: v.string(), name: v.string() })),
    counts: v.object({ units: v.number(), staff: v.number(), invited: v.number(), carriers: v.number(), vacancyDue: v.number() }),
    /** Years around today the district's working calendar does not know (the SLA clock would count their holidays). */
    calendarMissingYears: v.optional(v.array(v.number()), []),
  }),
});

export const DistrictProfileSchema = v.strictObject({
  name: line(1, 30),
  slogan: line(1, 40),
  intro: paragraph(1, 1000),
  keyIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(12, '最多 12 个重点产业')),
  headlineFigures: v.pipe(v.array(HeadlineFigureSchema), v.maxLength(6, '最多 6 个数据')),
  policies: v.pipe(v.array(PolicyDocSchema), v.maxLength(8, '最多 8 条政策')),
  coverImage: v.nullable(imageRef()),
  defaultCardId: v.nullable(id()),
  vacancyConfirmDays: v.pipe(v.number(), v.integer(), v.minValue(7, '至少 7 天'), v.maxValue(365, '最多 365 天')),
  /** English for investors reading English (optional; figures and policies carry theirs item by item). */
  nameEn: englishLine(60),
  sloganEn: englishLine(80),
  introEn: englishParagraph(2000),
  keyIndustriesEn: englishList(12, 40),
});
export type DistrictProfile = v.InferOutput<typeof DistrictProfileSchema>;

const profileView = v.object({
  name: v.string(),
  slogan: v.string(),
  intro: v.string(),
  keyIndustries: v.array(v.string()),
  headlineFigures: v.array(v.object({ label: v.string(), value: v.string(), labelEn: v.optional(v.string()), valueEn: v.optional(v.string()) })),
  policies: v.array(v.object({ title: v.string(), summary: v.string(), fileId: v.optional(v.nullable(v.string())), titleEn: v.optional(v.string()), summaryEn: v.optional(v.string()) })),
  coverImage: v.nullable(v.string()),
  defaultCardId: v.nullable(v.string()),
  vacancyConfirmDays: v.number(),
  nameEn: v.optional(v.string()),
  sloganEn: v.optional(v.string()),
  introEn: v.optional(v.string()),
  keyIndustriesEn: v.optional(v.array(v.string())),
});

export const adminDistrictGetContract = defineContract({
  name: 'admin.district.get',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: optionalDistrict,
  response: v.object({
    districtId: v.string(),
    profile: profileView,
    updatedAt: v.string(),
    canEdit: v.boolean(),
    sla: v.object({ firstResponseHours: v.number(), followUpDays: v.number(), remindAt: v.number(), copyLeaderAt: v.number(), reassignAt: v.number() }),
    /** Choices for the default card. */
    cards: v.array(v.object({ cardId: v.string(), ownerName: v.string(), ownerTitle: v.string() })),
    /** 待认领 pool rules (the defaults until the admin sets them). */
    poolRules: v.optional(v.object({ maxClaimedOpen: v.number(), idleReturnDays: v.number(), warnDaysBefore: v.number() })),
    calendarMissingYears: v.optional(v.array(v.number()), []),
  }),
});

export const adminDistrictUpdateContract = defineContract({
  name: 'admin.district.update',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: DistrictProfileSchema,
  response: v.object({ districtId: v.string(), updatedAt: v.string() }),
});

const unitView = v.object({
  id: v.string(),
  name: v.string(),
  nameEn: v.optional(v.string()),
  kind: v.picklist(UNIT_KINDS),
  isEconomic: v.boolean(),
  leaderStaffId: v.nullable(v.string()),
  parentUnitId: v.nullable(v.string()),
});
const staffView = v.object({
  id: v.string(),
  name: v.string(),
  title: v.string(),
  nameEn: v.optional(v.string()),
  titleEn: v.optional(v.string()),
  unitId: v.string(),
  roles: v.array(v.string()),
  status: v.string(),
  phone: v.string(),
  /** An unused code exists (the code itself is shown once, at issue or re-issue, and never stored in plain text). */
  invitePending: v.boolean(),
  inviteExpiresAt: v.nullable(v.string()),
  inviteExpired: v.boolean(),
});

export const adminOrgGetContract = defineContract({
  name: 'admin.org.get',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ districtId: v.optional(id()), rotaFrom: v.optional(dayKey()) }),
  response: v.object({
    districtId: v.string(),
    canEditDistrict: v.boolean(),
    /** Units whose people the caller may manage (all for an admin; their own for a unit leader). */
    manageableUnitIds: v.array(v.string()),
    grantableRoles: v.array(v.string()),
    units: v.array(unitView),
    teams: v.array(v.object({ id: v.string(), name: v.string(), leaderStaffId: v.nullable(v.string()), memberStaffIds: v.array(v.string()) })),
    staff: v.array(staffView),
    /** 14 days from `rotaFrom` (today by default), China time. */
    rota: v.array(v.object({ day: v.string(), staffId: v.nullable(v.string()), staffName: v.nullable(v.string()) })),
  }),
});

export const adminUnitSaveContract = defineContract({
  name: 'admin.unit.save',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    /** Absent: a new unit. */
    unitId: v.optional(id()),
    name: line(1, 30),
    kind: v.picklist(UNIT_KINDS),
    isEconomic: v.boolean(),
    leaderStaffId: v.nullable(id()),
    /** The tree: a department or street under a bureau; null for a top-level unit of the district. */
    parentUnitId: v.nullable(id()),
    /** The name investors reading English see (optional; absent keeps the stored one, empty clears it). */
    nameEn: englishLine(60),
  }),
  response: v.object({ unitId: v.string() }),
});

export const adminTeamSaveContract = defineContract({
  name: 'admin.team.save',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    teamId: v.optional(id()),
    name: line(1, 30),
    leaderStaffId: v.nullable(id()),
    memberStaffIds: v.pipe(v.array(id()), v.maxLength(100, '最多 100 人')),
  }),
  response: v.object({ teamId: v.string() }),
});

export const adminRotaSetContract = defineContract({
  name: 'admin.rota.set',
  fn: 'admin',
  access: 'staff',
  writes: true,
  /** staffId null clears the day (the district's standing on-duty commissioner answers). */
  request: v.strictObject({ day: dayKey(), staffId: v.nullable(id()) }),
  response: v.object({ day: v.string(), staffId: v.nullable(v.string()) }),
});

export const adminStaffCreateContract = defineContract({
  name: 'admin.staff.create',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ name: line(1, 20), title: line(1, 30), unitId: id(), roles: roles(), phone: phone(), nameEn: englishLine(40), titleEn: englishLine(60) }),
  response: v.object({ staffId: v.string(), inviteCode: v.string(), inviteExpiresAt: v.string() }),
});

/** A person's English name and title (empty clears one: investors reading English then see the Chinese, marked «中文»). */
export const adminStaffSetEnglishContract = defineContract({
  name: 'admin.staff.setEnglish',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ staffId: id(), nameEn: englishLine(40), titleEn: englishLine(60) }),
  response: v.object({ staffId: v.string(), nameEn: v.string(), titleEn: v.string() }),
});

export const adminStaffInviteContract = defineContract({
  name: 'admin.staff.invite',
  fn: 'admin',
  access: 'staff',
  writes: true,
  /** `reissue`: a new code (the old one stops working); `revoke`: no code at all until re-issued. */
  request: v.strictObject({ staffId: id(), op: v.picklist(['reissue', 'revoke']) }),
  response: v.object({ inviteCode: v.nullable(v.string()), inviteExpiresAt: v.nullable(v.string()) }),
});

export const adminStaffSetRolesContract = defineContract({
  name: 'admin.staff.setRoles',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ staffId: id(), roles: roles() }),
  response: v.object({ staffId: v.string(), roles: v.array(v.string()) }),
});

export const adminStaffRevokeContract = defineContract({
  name: 'admin.staff.revoke',
  fn: 'admin',
  access: 'staff',
  writes: true,
  /**
   * `cardSuccessorStaffId`: who answers the person's cards from now on (an active colleague of the same district);
   * without it, their unit's leader, else the owner of the district's default card.
   */
  request: v.strictObject({ staffId: id(), cardSuccessorStaffId: v.optional(id()) }),
  response: v.object({ staffId: v.string(), status: v.string(), cardSuccessorStaffId: v.nullable(v.string()), cardIds: v.array(v.string()) }),
});

export const CarrierEditSchema = v.strictObject({
  type: v.picklist(CARRIER_TYPES),
  name: line(1, 40),
  street: line(1, 20),
  address: line(1, 80),
  totalArea: v.pipe(nonNegative(), v.maxValue(100_000_000)),
  vacantArea: v.pipe(nonNegative(), v.maxValue(100_000_000)),
  floors: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  priceMin: v.pipe(nonNegative(), v.maxValue(1_000_000)),
  priceMax: v.pipe(nonNegative(), v.maxValue(1_000_000)),
  priceUnit: v.picklist(PRICE_UNITS),
  facilities: v.pipe(v.array(line(1, 20)), v.maxLength(20)),
  suitedIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(10)),
  policies: v.pipe(v.array(line(1, 80)), v.maxLength(10)),
  managerName: line(1, 20),
  managerPhone: phone(),
  /** A staff manager gets the vacancy reminders in WeChat; without one the manager is an external contact. */
  managerStaffId: v.nullable(id()),
  /** The unit that owns the listing (its leader may edit it). */
  unitId: v.nullable(id()),
  location: v.strictObject({ lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), lng: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)) }),
  /** Only photos already on the carrier (to drop or reorder them): new ones come through `admin.carrier.photoAdd`. */
  photos: v.pipe(v.array(photoRef()), v.maxLength(9, '最多 9 张照片')),
  /** English for investors reading English (optional; lists item by item). Absent keeps what is stored (imports). */
  nameEn: englishLine(80),
  streetEn: englishLine(40),
  addressEn: englishLine(160),
  facilitiesEn: englishList(20, 40),
  suitedIndustriesEn: englishList(10, 40),
  policiesEn: englishList(10, 160),
  managerNameEn: englishLine(40),
});
export type CarrierEdit = v.InferOutput<typeof CarrierEditSchema>;

const carrierRow = v.object({
  id: v.string(),
  name: v.string(),
  type: v.picklist(CARRIER_TYPES),
  street: v.string(),
  vacantArea: v.number(),
  totalArea: v.number(),
  listed: v.boolean(),
  managerName: v.string(),
  managerStaffId: v.nullable(v.string()),
  lastVerifiedAt: v.string(),
  vacancyDueAt: v.string(),
  vacancyDue: v.boolean(),
  canEdit: v.boolean(),
  /**
   * Share images still to draw for the content as it is now (the office list draws them in the background):
   * `outdated` — drawn before a change made outside the editor, so shares show an old vacancy's fallback now;
   * `missing` — never drawn (created by import); null — nothing to draw, or not the caller's to draw.
   */
  shareImagesToDraw: v.nullable(v.picklist(['outdated', 'missing'])),
});

export const adminCarrierListContract = defineContract({
  name: 'admin.carrier.list',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ districtId: v.optional(id()), cursor: cursor(), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50) }),
  response: v.object({
    /** Stalest first: what needs a manager's confirmation leads the list. */
    items: v.array(carrierRow),
    nextCursor: v.nullable(v.string()),
    /** Off the market (first page only). */
    withdrawn: v.array(carrierRow),
    /** Per manager: how many of their carriers are due, and the median days they took to confirm. */
    managers: v.array(v.object({ managerName: v.string(), staffId: v.nullable(v.string()), due: v.number(), medianConfirmDays: v.nullable(v.number()) })),
  }),
});

export const adminCarrierGetContract = defineContract({
  name: 'admin.carrier.get',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ carrierId: id() }),
  response: v.object({
    carrierId: v.string(),
    listed: v.boolean(),
    edit: v.object(CarrierEditSchema.entries),
    /** Uploaded photos in review or refused (never shown to investors). */
    photoReviews: v.array(v.object({ ref: v.string(), status: v.picklist(PHOTO_REVIEW_STATUSES), reason: v.nullable(v.string()), uploadedAt: v.string() })),
    lastVerifiedAt: v.string(),
    updatedAt: v.string(),
  }),
});

export const adminCarrierSaveContract = defineContract({
  name: 'admin.carrier.save',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ carrierId: v.optional(id()), carrier: CarrierEditSchema }),
  response: v.object({ carrierId: v.string(), updatedAt: v.string() }),
});

export const adminCarrierSetListedContract = defineContract({
  name: 'admin.carrier.setListed',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ carrierId: id(), listed: v.boolean() }),
  response: v.object({ carrierId: v.string(), listed: v.boolean() }),
});

export const adminCarrierRemindContract = defineContract({
  name: 'admin.carrier.remindVacancy',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ carrierId: id() }),
  response: v.object({
    /** Page path of the one-tap confirmation (mini-program) and the web link to forward to an external manager. */
    page: v.string(),
    webUrl: v.string(),
    /** `manager`: a staff manager was messaged; `forward`: an external manager, the caller forwards the link. */
    delivery: v.picklist(['manager', 'forward']),
    expiresAt: v.string(),
  }),
});

const vacancyToken = () => v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{24}$/, '链接无效'));

/** The one-tap page a manager opens from the reminder; the token is the only credential (external managers have no account). */
export const vacancyPeekContract = defineContract({
  name: 'vacancy.peek',
  fn: 'admin',
  access: 'public',
  writes: false,
  request: v.strictObject({ token: vacancyToken() }),
  response: v.object({
    carrierName: v.string(),
    districtName: v.string(),
    vacantArea: v.number(),
    totalArea: v.number(),
    question: v.string(),
    lastVerifiedAt: v.string(),
    used: v.boolean(),
  }),
});

export const vacancyConfirmContract = defineContract({
  name: 'vacancy.confirm',
  fn: 'admin',
  access: 'public',
  writes: true,
  /** Without `vacantArea`: «仍有 N ㎡ 空置» confirmed as it is. */
  request: v.strictObject({ token: vacancyToken(), vacantArea: v.optional(v.pipe(nonNegative(), v.maxValue(100_000_000))) }),
  response: v.object({ carrierName: v.string(), vacantArea: v.number(), lastVerifiedAt: v.string() }),
});

export const adminAuditListContract = defineContract({
  name: 'admin.audit.list',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ cursor: cursor(), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 50) }),
  response: v.object({
    items: v.array(
      v.object({ id: v.string(), action: v.string(), targetKind: v.string(), targetId: v.string(), actorName: v.string(), at: v.string(), before: v.unknown(), after: v.unknown() }),
    ),
    nextCursor: v.nullable(v.string()),
  }),
});


/**
 * `participation`: the leaving person's part in an open lead as a carrier's manager, which moves with that carrier
 * (`id` is the lead, `carrierId` the carrier, listed right after it; its status is the carrier's).
 */
const HANDOVER_VIEW_KINDS = ['lead', 'carrier', 'card', 'participation'] as const;
const handoverItemView = v.object({ kind: v.picklist(HANDOVER_VIEW_KINDS), id: v.string(), label: v.string(), status: v.picklist(['pending', 'moved', 'skipped']), toStaffId: v.string(), carrierId: v.optional(v.string()) });
const handoverReport = v.object({ handoverId: v.string(), status: v.picklist(['running', 'done']), items: v.array(handoverItemView), pending: v.number() });

/**
 * What a person holds before they leave: open leads (with their SLA clocks and follow-ups), carriers (each followed
 * by the open-lead participations that move with it), their card.
 */
export const adminHandoverPreviewContract = defineContract({
  name: 'admin.handover.preview',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ staffId: id() }),
  response: v.object({ items: v.array(v.object({ kind: v.picklist(HANDOVER_VIEW_KINDS), id: v.string(), label: v.string(), carrierId: v.optional(v.string()) })) }),
});

/** Starts a handover (one successor, or one per kind) and moves as many items as fit in this call. */
export const adminHandoverStartContract = defineContract({
  name: 'admin.handover.start',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ staffId: id(), successorStaffId: id(), carrierSuccessorStaffId: v.optional(id()), cardSuccessorStaffId: v.optional(id()) }),
  response: handoverReport,
});

/** Continues an interrupted or unfinished handover; already moved items are left alone. */
export const adminHandoverResumeContract = defineContract({
  name: 'admin.handover.resume',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ handoverId: id() }),
  response: handoverReport,
});

/** A file for import arrives in chunks (each well under a request's limits), then `admin.carrier.import` reads it. */
export const adminImportUploadContract = defineContract({
  name: 'admin.import.upload',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    uploadId: v.pipe(v.string(), v.regex(/^up_[A-Za-z0-9]{16}$/, '上传编号不正确')),
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(63)),
    total: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)),
    chunk: v.pipe(v.string(), v.maxLength(48_000), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容不正确')),
  }),
  response: v.object({ received: v.number(), total: v.number() }),
});

export const IMPORT_MODES = ['dry_run', 'apply'] as const;

export const adminCarrierImportContract = defineContract({
  name: 'admin.carrier.import',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    uploadId: v.pipe(v.string(), v.regex(/^up_[A-Za-z0-9]{16}$/, '上传编号不正确')),
    fileName: v.pipe(line(1, 100), v.regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件')),
    mode: v.picklist(IMPORT_MODES),
  }),
  response: v.object({
    mode: v.picklist(IMPORT_MODES),
    /** A problem with the whole file (nothing read, nothing written), else null. */
    fileError: v.nullable(v.object({ code: v.string(), message: v.string() })),
    totalRows: v.number(),
    okRows: v.number(),
    /** The true number of bad rows; `errors` shows the first 50. */
    errorCount: v.number(),
    errors: v.array(v.object({ row: v.number(), column: v.nullable(v.string()), code: v.string(), message: v.string() })),
    created: v.number(),
    updated: v.number(),
    unchanged: v.number(),
    /** The user's own file with an added 错误原因 column (base64), when there are bad rows and it fits in the answer. */
    annotatedFile: v.nullable(v.object({ fileName: v.string(), base64: v.string() })),
    /**
     * False when an apply ran out of its time budget (a cloud function lives 60 s) before every row was written:
     * applying the same file again carries on (what was written is unchanged then, so nothing is done twice).
     */
    complete: v.boolean(),
    /** Where the next apply of an unfinished file starts writing (the spreadsheet's row number), else null. */
    resumeFromRow: v.nullable(v.number()),
    /** Rows skipped without being errors (the template's example row left in), each with a stable code. */
    notes: v.optional(v.array(v.object({ row: v.number(), code: v.string(), message: v.string() }))),
  }),
});

/** The district's response promise and escalation ladder (the SLA timer reads them on every tick). */
export const adminSlaUpdateContract = defineContract({
  name: 'admin.sla.update',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: SlaSettingsSchema,
  response: v.object({ districtId: v.string(), sla: v.object({ firstResponseHours: v.number(), followUpDays: v.number(), remindAt: v.number(), copyLeaderAt: v.number(), reassignAt: v.number() }) }),
});

/** 待认领 pool rules: the claim limit per person and the idle return with its warning (warning before the return). */
export const adminPoolUpdateContract = defineContract({
  name: 'admin.pool.update',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: PoolRulesSchema,
  response: v.object({ districtId: v.string(), poolRules: v.object({ maxClaimedOpen: v.number(), idleReturnDays: v.number(), warnDaysBefore: v.number() }) }),
});

const calendarYear = () => v.pipe(v.number(), v.integer(), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'));

/** One year of the district's working calendar: holidays and 调休 working days, and where it can come from. */
export const adminCalendarGetContract = defineContract({
  name: 'admin.calendar.get',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({ districtId: v.optional(id()), year: calendarYear() }),
  response: v.object({
    districtId: v.string(),
    year: v.number(),
    /** Whether the calendar knows this year (else the SLA clock counts it as plain Monday–Friday weeks). */
    known: v.boolean(),
    holidays: v.array(v.string()),
    makeUpWorkdays: v.array(v.string()),
    /** chinese-days publishes this year: 从国家日历导入 fills it. */
    nationalAvailable: v.boolean(),
    missingYears: v.array(v.number()),
    canEdit: v.boolean(),
  }),
});

/**
 * Saves a year as the admin edited it (dates inside the year, none twice, none both a holiday and a working day);
 * `weekendsOnly` records a year with no holidays on purpose, when the State Council has not published it yet.
 */
export const adminCalendarSaveContract = defineContract({
  name: 'admin.calendar.save',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    year: calendarYear(),
    holidays: v.pipe(v.array(calendarDate), v.maxLength(60, '一年最多 60 个节假日')),
    makeUpWorkdays: v.pipe(v.array(calendarDate), v.maxLength(30, '一年最多 30 个调休工作日')),
  }),
  response: v.object({ districtId: v.string(), year: v.number(), holidays: v.array(v.string()), makeUpWorkdays: v.array(v.string()) }),
});

/** Fills a year from the national calendar chinese-days publishes (CALENDAR.YEAR_UNAVAILABLE if it does not have it). */
export const adminCalendarImportContract = defineContract({
  name: 'admin.calendar.import',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: v.strictObject({ year: calendarYear() }),
  response: v.object({ districtId: v.string(), year: v.number(), holidays: v.array(v.string()), makeUpWorkdays: v.array(v.string()) }),
});

/** The staff import's template: an .xlsx with the columns and a 填写说明 sheet naming the caller's units. */
export const adminStaffImportTemplateContract = defineContract({
  name: 'admin.staff.importTemplate',
  fn: 'admin',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.object({ fileName: v.string(), base64: v.string() }),
});

const issuedInvite = v.object({ staffId: v.string(), name: v.string(), phone: v.string(), inviteCode: v.string(), inviteExpiresAt: v.string() });

/**
 * Staff import, dry run or apply, from a file sent with `admin.import.upload`: the carrier import's report, plus
 * the invite codes issued to the people this apply created (shown once, and as an .xlsx to hand out).
 */
export const adminStaffImportContract = defineContract({
  name: 'admin.staff.import',
  fn: 'admin',
  access: 'staff',
  writes: true,
  request: adminCarrierImportContract.request,
  response: v.object({
    ...adminCarrierImportContract.response.entries,
    /** Invited people without a valid code who get one on apply (a dry run counts them, issues nothing). */
    invitesDue: v.number(),
    invites: v.array(issuedInvite),
    /** 姓名, 手机, 邀请码, 有效期至 as .xlsx (base64), when this apply issued codes. */
    invitesFile: v.nullable(v.object({ fileName: v.string(), base64: v.string() })),
  }),
});

export const ADMIN_CONTRACTS = [
  adminHomeContract,
  adminDistrictGetContract,
  adminDistrictUpdateContract,
  adminOrgGetContract,
  adminUnitSaveContract,
  adminTeamSaveContract,
  adminRotaSetContract,
  adminStaffCreateContract,
  adminStaffInviteContract,
  adminStaffSetRolesContract,
  adminStaffSetEnglishContract,
  adminStaffRevokeContract,
  adminCarrierListContract,
  adminCarrierGetContract,
  adminCarrierSaveContract,
  adminCarrierSetListedContract,
  adminCarrierRemindContract,
  vacancyPeekContract,
  vacancyConfirmContract,
  adminAuditListContract,
  adminHandoverPreviewContract,
  adminHandoverStartContract,
  adminHandoverResumeContract,
  adminImportUploadContract,
  adminCarrierImportContract,
  adminSlaUpdateContract,
  adminPoolUpdateContract,
  adminCalendarGetContract,
  adminCalendarSaveContract,
  adminCalendarImportContract,
  adminStaffImportTemplateContract,
  adminStaffImportContract,
] as const;
