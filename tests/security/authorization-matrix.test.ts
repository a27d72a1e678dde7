import * as v from 'valibot';
import { CONTRACTS } from '../../domain/api/registry';
import type { ActionResult } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { DistrictSchema, DEFAULT_SLA } from '../../domain/org/district.schema';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import { StaffSchema } from '../../domain/org/staff.schema';
import { UnitSchema } from '../../domain/org/unit.schema';
import { runAction } from '../../cloudfunctions/_lib/action-runner';
import type { QrPort } from '../../cloudfunctions/_lib/deps';
import { COLLECTIONS } from '../../cloudfunctions/_lib/store/collections';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { solveChallenge } from '../../domain/lead/web-challenge.rules';
import { createTestBackend, leadInput, OPENID, type TestBackend } from '../support/test-backend';
import { storeSampleBulletin } from '../support/sample-bulletin';
import { jpegOf } from '../support/sample-share-image';

/**
 * Who may call what: every action × every kind of caller, in one table. Lead-scoped rows act on one lead that
 * investor A submitted from the district head's card (handled by staff-head in unit-invest).
 *
 *   Y  allowed: `{ok: true}`
 *   N  denied: `{ok: false}` with an AUTH.* code
 *   S  authorized, stopped by the lead's stage: LEAD.STAGE_NOT_REACHED (lead.confirmStage on the new lead),
 *      FIRST_REPORT.UNKNOWN_PROJECT (a 首报 dispute on a lead without facts), FIRST_REPORT.NO_OPEN_DISPUTE
 *   F  staff, but the share image's fingerprint is the head's card's, not the caller's own: SHARE.IMAGE_STALE
 *      (share.saveImage only ever writes the caller's own card)
 *   H  hidden: `{ok: false}` with LEAD.NOT_FOUND (or CARD.NOT_FOUND for card data, REPORT.BULLETIN_NOT_FOUND for
 *      a bulletin) — what lies outside the caller's unit or district looks missing, so ids cannot be probed
 *
 * Rows that write run every cell on a fresh database, so one allowed cell cannot change the next one's answer.
 * For list rows, `sees` says in which cells this lead may appear in the response.
 */

const OTHER_ADMIN_OPENID = 'demo-openid-other-district-admin';

const ROLES = {
  anonymous: OPENID.anonymous,
  investorA: OPENID.investorA,
  investorB: OPENID.investorB,
  head: OPENID.head,
  techStaff: OPENID.tech,
  commerceStaff: OPENID.commerce,
  unitLeader: OPENID.investLeader,
  admin: OPENID.admin,
  otherDistrictAdmin: OTHER_ADMIN_OPENID,
} as const;
type Role = keyof typeof ROLES;
const ROLE_ORDER = Object.keys(ROLES) as Role[];

interface Fixture {
  leadId: string;
  /** A share of the head's card, made by investor B. */
  shareCode: string;
  /** A vacancy confirmation link for building-001 (the admin's reminder). */
  vacancyToken: string;
  /** The claim code of an inquiry a web visitor submitted. */
  claimCode: string;
  /** Investor A's pending erasure request for the lead. */
  privacyRequestId?: string;
  /** An 活动 of the demo district, created by the head. */
  eventId: string;
  /** The head's card's share-image fingerprint (share.imageState as the head). */
  headImageFingerprint: string;
  /** building-001's Chinese share-image fingerprint (share.carrierImageState as the admin). */
  carrierImageFingerprint: string;
}
interface Row {
  input: (f: Fixture) => Record<string, unknown>;
  /** One letter per role, in ROLE_ORDER. */
  cells: string;
  sees?: string;
}

// Cells in ROLE_ORDER:  anonymous investorA investorB head techStaff commerceStaff unitLeader admin otherDistrictAdmin
const MATRIX: Record<string, Row> = {
  'card.get':           { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ cardId: 'card-staff-head' }) },
  'carrier.search':     { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ districtId: 'demo-linjiang' }) },
  'carrier.get':        { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ carrierId: 'building-001' }) },
  'directory.list':     { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ districtId: 'demo-linjiang' }) },
  'session.whoami':     { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({}) },
  'lead.privacyNotice': { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ districtId: 'demo-linjiang' }) },
  // Any signed-in WeChat user may inquire, staff included; anonymous callers may not.
  'lead.submit':        { cells: 'N Y Y  Y Y Y Y Y  Y', input: () => leadInput() },
  // Everyone signed in has a 我的咨询, but only the submitter finds this lead in it.
  'lead.mine':          { cells: 'N Y Y  Y Y Y Y Y  Y', sees: '- Y N  N N N N N  N', input: () => ({}) },
  // Every staff member has an inbox, scoped to their own unit and district.
  'lead.inbox':         { cells: 'N N N  Y Y Y Y Y  Y', sees: '- - -  Y N N Y Y  N', input: () => ({ tab: 'unit' }) },
  'lead.detail':        { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId }) },
  'lead.revealContact': { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId }) },
  'lead.transition':    { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, to: 'contacted', rev: 0 }) },
  'lead.note':          { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, text: '已电话沟通。' }) },
  'lead.reply':         { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, text: '您好，已收到。' }) },
  'lead.assign':        { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '', rev: 0 }) },
  // The invite code is the secret; a caller who is already staff (of any district) may not bind a second account.
  'staff.bindInvite':   { cells: 'N Y Y  N N N N N  N', input: () => ({ inviteCode: 'DEMO2026' }) },
  // Counting a view is the one public write: Moments visitors have no identity.
  'share.visit':        { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ cardId: 'card-staff-head', channel: 'moments', visitorKey: 'matrix-visitor-0000001' }) },
  // Cards are public, so anyone signed in may pass one on (and get a code for a share they hold).
  'share.create':       { cells: 'N Y Y  Y Y Y Y Y  Y', input: (f) => ({ cardId: 'card-staff-head', channel: 'chat', parentCode: f.shareCode }) },
  'share.qr':           { cells: 'N Y Y  Y Y Y Y Y  Y', input: (f) => ({ code: f.shareCode }) },
  // Each staff member reads and edits only their own card (the input carries no card id).
  'card.mine':          { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({}) },
  'card.update':        { cells: 'N N N  Y Y Y Y Y  Y', input: () => CARD_EDIT },
  // A card's share images: only its owner draws and stores them (the input carries no card id); admins here have no card.
  'share.imageState':   { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({}) },
  'share.saveImage':    { cells: 'N N N  Y F F F H  H', input: (f) => ({ shape: 'chat', fingerprint: f.headImageFingerprint, image: MATRIX_SHARE_IMAGE }) },
  // A carrier's share images: whoever manages it draws and stores them (building-001 belongs to no unit: the
  // district admin only); everyone else, another district's admin included, meets it as missing.
  'share.carrierImageState': { cells: 'N N N  H H H H Y  H', input: () => ({ carrierId: 'building-001' }) },
  'share.saveCarrierImage':  { cells: 'N N N  H H H H Y  H', input: (f) => ({ carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: f.carrierImageFingerprint, image: MATRIX_SHARE_IMAGE }) },
  // The head's card numbers: the owner and admins of the same district only.
  'card.stats':         { cells: 'N N N  Y H H H Y  H', input: () => ({ cardId: 'card-staff-head' }) },
  // «可能适合您的载体»: carriers are public, so matching a stated need is too.
  'carrier.match':      { cells: 'Y Y Y  Y Y Y Y Y  Y', input: () => ({ districtId: 'demo-linjiang', need: { carrierType: 'factory', areaMin: 3000 } }) },
  // A lead's matches reveal its need: whoever may see the lead.
  'lead.matches':       { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId }) },
  // Carrier managers on a lead: whoever may act on it brings them in, shares the contact with them, removes them.
  'lead.addParticipant':          { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, carrierId: 'factory-002' }) },
  'lead.shareParticipantContact': { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, staffId: 'staff-carrier-manager', shared: true }) },
  'lead.removeParticipant':       { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, staffId: 'staff-carrier-manager' }) },
  // District office. The head and 陈启航 lead unit-invest (a unit scope); writes act on the caller's own district,
  // so another district's admin meets this district's ids as missing (H).
  'admin.home':                  { cells: 'N N N  Y N N Y Y  Y', input: () => ({}) },
  'admin.district.get':          { cells: 'N N N  Y N N Y Y  H', input: () => ({ districtId: 'demo-linjiang' }) },
  'admin.district.update':       { cells: 'N N N  N N N N Y  H', input: () => OFFICE_PROFILE },
  'admin.org.get':               { cells: 'N N N  Y N N Y Y  H', input: () => ({ districtId: 'demo-linjiang' }) },
  'admin.unit.save':             { cells: 'N N N  N N N N Y  H', input: () => ({ unitId: 'unit-tech', name: '临江区科学技术局', kind: 'economic_department', isEconomic: true, leaderStaffId: null, parentUnitId: null }) },
  'admin.team.save':             { cells: 'N N N  N N N N Y  H', input: () => ({ teamId: 'team-industry', name: '产业招商组', leaderStaffId: null, memberStaffIds: ['staff-tech'] }) },
  'admin.rota.set':              { cells: 'N N N  N N N N Y  H', input: () => ({ day: '2026-12-01', staffId: 'staff-commissioner' }) },
  'admin.staff.create':          { cells: 'N N N  Y N N Y Y  H', input: () => ({ name: '新同事', title: '科员', unitId: 'unit-invest', roles: ['staff'], phone: '13800138050' }) },
  // 何以宁 (invited) is in unit-tech: outside the investment bureau leaders' unit.
  'admin.staff.invite':          { cells: 'N N N  H N N H Y  H', input: () => ({ staffId: 'staff-invited', op: 'reissue' }) },
  'admin.staff.setRoles':        { cells: 'N N N  Y N N Y Y  H', input: () => ({ staffId: 'staff-commissioner', roles: ['commissioner', 'staff', 'carrier_manager'] }) },
  'admin.staff.setEnglish':      { cells: 'N N N  Y N N Y Y  H', input: () => ({ staffId: 'staff-commissioner', nameEn: 'Zhou Yue', titleEn: 'Investment officer' }) },
  'admin.staff.revoke':          { cells: 'N N N  Y N N Y Y  H', input: () => ({ staffId: 'staff-commissioner' }) },
  'admin.carrier.list':          { cells: 'N N N  Y N N Y Y  H', input: () => ({ districtId: 'demo-linjiang' }) },
  'admin.carrier.get':           { cells: 'N N N  Y N N Y Y  H', input: () => ({ carrierId: 'building-001' }) },
  // building-001 belongs to no unit: only the district admin manages it.
  'admin.carrier.save':          { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001', carrier: OFFICE_CARRIER }) },
  'admin.carrier.setListed':     { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001', listed: false }) },
  'admin.carrier.remindVacancy': { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001' }) },
  // The link is the credential: external managers have no account.
  'vacancy.peek':                { cells: 'Y Y Y  Y Y Y Y Y  Y', input: (f) => ({ token: f.vacancyToken }) },
  'vacancy.confirm':             { cells: 'Y Y Y  Y Y Y Y Y  Y', input: (f) => ({ token: f.vacancyToken }) },
  // Every admin reads their own district's log.
  'admin.audit.list':            { cells: 'N N N  N N N N Y  Y', input: () => ({}) },
  // 周若岚 is in the investment bureau; 何以宁's finished handover (she held nothing) is in 科技局.
  'admin.handover.preview':      { cells: 'N N N  Y N N Y Y  H', input: () => ({ staffId: 'staff-commissioner' }) },
  'admin.handover.start':        { cells: 'N N N  Y N N Y Y  H', input: () => ({ staffId: 'staff-commissioner', successorStaffId: 'staff-head' }) },
  'admin.handover.resume':       { cells: 'N N N  H N N H Y  H', input: () => ({ handoverId: 'ho_staff-invited' }) },
  'admin.import.upload':         { cells: 'N N N  Y N N Y Y  Y', input: () => ({ uploadId: 'up_matrixupload0001', index: 0, total: 1, chunk: MATRIX_CSV }) },
  // The admin's own upload: nobody else can read it.
  // The other district's admin changes their own district's promise.
  'admin.sla.update':            { cells: 'N N N  N N N N Y  Y', input: () => ({ firstResponseHours: 8, followUpDays: 7, remindAt: 1, copyLeaderAt: 2, reassignAt: 3 }) },
  'admin.carrier.import':        { cells: 'N N N  H N N H Y  H', input: () => ({ uploadId: 'up_matrixfixture001', fileName: '载体.csv', mode: 'dry_run' }) },
  // 认领 takes an unassigned lead of the caller's unit's pool: this one is the head's, so who may see it meets P.
  'lead.poolClaim':              { cells: 'N N N  P H H P P  H', input: (f) => ({ leadId: f.leadId }) },
  'admin.pool.update':           { cells: 'N N N  N N N N Y  Y', input: () => ({ maxClaimedOpen: 10, idleReturnDays: 4, warnDaysBefore: 1 }) },
  // Carrier photos: whoever may edit building-001 (no unit: only the district admin); the admin's own upload.
  'admin.carrier.photoChunk':    { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001', uploadId: 'ph_matrixupload0001', index: 0, total: 1, chunk: MATRIX_PNG }) },
  'admin.carrier.photoAdd':      { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001', source: { kind: 'chunks', uploadId: 'ph_matrixfixture001', total: 1 } }) },
  'admin.carrier.photoDismiss':  { cells: 'N N N  H N N H Y  H', input: () => ({ carrierId: 'building-001', ref: MATRIX_REFUSED_PHOTO }) },
  'admin.calendar.get':          { cells: 'N N N  Y N N Y Y  H', input: () => ({ districtId: 'demo-linjiang', year: 2027 }) },
  'admin.calendar.save':         { cells: 'N N N  N N N N Y  Y', input: () => ({ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }) },
  'admin.calendar.import':       { cells: 'N N N  N N N N Y  Y', input: () => ({ year: 2026 }) },
  // A challenge is issued to a WeChat user or a web visitor (see «web visitors» below); a caller with neither has none.
  'lead.challenge':     { cells: 'N Y Y  Y Y Y Y Y  Y', input: () => ({}) },
  // Binding a web inquiry needs a WeChat identity; the code is the secret.
  'lead.claim':         { cells: 'N Y Y  Y Y Y Y Y  Y', input: (f) => ({ code: f.claimCode }) },
  // Company facts: whoever may act on the lead.
  'lead.setFacts':      { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId, originCity: '杭州', rev: 0 }) },
  // The bureau (its members, the district admin) confirms 签约 / 落地. The table's lead is new, so the bureau
  // gets past authorization to the stage check (S); the confirmation itself is in tests/functions/lead-facts.test.ts.
  'lead.confirmStage':  { cells: 'N N N  S H H S S  H', input: (f) => ({ leadId: f.leadId, stage: 'signed', note: '合同已见', date: '2026-11-30', rev: 0 }) },
  // 投资促进局's numbers: its own people and the district admin; not another unit's staff, not another district.
  'report.dashboard':   { cells: 'N N N  Y N N Y Y  N', input: () => ({ scope: 'unit', unitId: 'unit-invest', period: { kind: 'month' } }) },
  'report.leads':       { cells: 'N N N  Y N N Y Y  N', sees: '- - -  Y - - Y Y  -', input: () => ({ scope: 'unit', unitId: 'unit-invest', period: { kind: 'month' }, filter: 'all' }) },
  // Every staff member sees their own district's board (its own unit's breakdown); nobody another district's.
  'report.arena':       { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({ kind: 'quarter' }) },
  // PIPL requests: only the submitter finds their own inquiry; anyone else's lead id answers as missing.
  'privacy.request':    { cells: 'N Y H  H H H H H  H', input: (f) => ({ kind: 'erase', leadId: f.leadId }) },
  // Everyone signed in has a list of their own requests (it names no lead; whose is in tests/functions/privacy-rights).
  'privacy.mine':       { cells: 'N Y Y  Y Y Y Y Y  Y', input: () => ({}) },
  // The district admin lists and answers their own district's requests; another district's request looks missing.
  'admin.privacy.list':   { cells: 'N N N  N N N N Y  Y', input: () => ({}) },
  'admin.privacy.answer': { cells: 'N N N  N N N N Y  H', input: (f) => ({ requestId: f.privacyRequestId ?? '', decision: 'refused', note: '依法需保存' }) },
  // Like the SLA: every district admin sets their own district's periods.
  'admin.privacy.settings': { cells: 'N N N  N N N N Y  Y', input: () => ({ answerDays: 15, retentionDays: 730 }) },
  // 活动: every staff member lists their own district's; the head created this one, so he and the admin edit it.
  'event.list':         { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({}) },
  'event.save':         { cells: 'N N N  Y N N N Y  H', input: (f) => ({ id: f.eventId, ...EVENT_FIELDS }) },
  // Event mode: any staff of the event's district; not investors, not another district's staff.
  'event.submitInquiry': { cells: 'N N N  Y Y Y Y Y  H', input: (f) => eventInquiry(f.eventId) },
  // 首报: whoever may see the lead learns which unit holds its company's first report.
  'lead.firstReport':   { cells: 'N N N  Y H H Y Y  H', input: (f) => ({ leadId: f.leadId }) },
  // The reporter or whoever may act on the lead; the table's lead has no facts yet, so they stop there (S).
  'lead.raiseDispute':  { cells: 'N N N  S H H S S  H', input: (f) => ({ leadId: f.leadId, reason: '我方先对接', rev: 0 }) },
  // Every district admin reads their own district's disputes; only this district's admin decides on its leads
  // (the table's lead has none open: S). A unit leader may not decide for the district.
  'report.disputes':    { cells: 'N N N  N N N N Y  Y', input: () => ({ status: 'open' }) },
  'report.decideDispute': { cells: 'N N N  N N N N S  H', input: (f) => ({ leadId: f.leadId, decision: 'upheld', reason: '证据充分', rev: 0 }) },
  // The whole district's table: admins only — not a unit leader (head, 陈启航), not staff. `district` is always the
  // caller's own, so another district's admin gets theirs (Y); ours is refused to them below (exports of one unit).
  // Every staff member reads the district's bulletins; a missing (or another district's) bulletin looks missing.
  'report.bulletins':   { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({}) },
  'report.bulletinFile': { cells: 'N N N  Y Y Y Y Y  H', input: () => ({ bulletinId: 'bl_demo-linjiang_2026-11', format: 'pdf' }) },
  'report.export':      { cells: 'N N N  N N N N Y  Y', input: () => ({ scope: 'district', period: { kind: 'month' }, table: 'leads', format: 'xlsx' }) },
  // Every staff member reads their own district's weights; only a district admin sets them (for their own district).
  'report.weights':     { cells: 'N N N  Y Y Y Y Y  Y', input: () => ({}) },
  'report.setWeights':  { cells: 'N N N  N N N N Y  Y', input: () => ({ weights: DEFAULT_ARENA_WEIGHTS }) },
  // Staff import: district admins and unit leaders (the head, 陈启航) get a template; the upload is the admin's own.
  'admin.staff.importTemplate': { cells: 'N N N  Y N N Y Y  Y', input: () => ({}) },
  'admin.staff.import':  { cells: 'N N N  H N N H Y  H', input: () => ({ uploadId: 'up_matrixfixture001', fileName: '人员.csv', mode: 'dry_run' }) },
  // 招商热力图: authorized exactly as the dashboard (resolveScope) — 投资促进局's map for its people and the admin.
  'report.heatmap':     { cells: 'N N N  Y N N Y Y  N', input: () => ({ scope: 'unit', unitId: 'unit-invest', period: { kind: 'month' }, kind: 'origin_industry', measure: 'conversion' }) },
  // 擂台赛调整 of a locked quarter (2026-Q3): the district admin only; 投资促进局 is not another district's admin's to adjust.
  'report.adjustArena': { cells: 'N N N  N N N N Y  N', input: () => ({ kind: 'quarter', key: '2026-Q3', contestantKind: 'unit', contestantId: 'unit-invest', points: 5, reason: '矩阵测试：补记' }) },
};

const EVENT_FIELDS = { name: '矩阵测试推介会', date: '2026-12-05', place: '云川国际会展中心' };
const eventInquiry = (eventId: string) => {
  const { idempotencyKey, contact, need, message, consent } = leadInput();
  return { eventId, idempotencyKey, contact, need, message, consent };
};

const MATRIX_CSV = Buffer.from('外部编号,类型,名称\n').toString('base64');
const MATRIX_SHARE_IMAGE = jpegOf(500, 400).toString('base64');
const MATRIX_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const MATRIX_REFUSED_PHOTO = '/api/_local/photos/carrier-photos/building-001/pho-matrix.png';

/** The demo district's profile, valid for the admin; its default card is of this district only. */
const OFFICE_PROFILE = {
  name: '云川市临江区（演示）',
  slogan: '临江而立，投资正当时',
  intro: '临江区位于云川市东部。',
  keyIndustries: ['数字经济'],
  headlineFigures: [{ label: '可招商面积', value: '112 万㎡' }],
  policies: [{ title: '首年租金减免 30%', summary: '', fileId: null }],
  coverImage: '/assets/district/cover.svg',
  defaultCardId: 'card-staff-head',
  vacancyConfirmDays: 30,
};

const OFFICE_CARRIER = {
  type: 'building',
  name: '临江金融中心',
  street: '金湾街道',
  address: '云川市临江区滨江大道 1 号',
  totalArea: 50000,
  vacantArea: 5000,
  floors: 30,
  priceMin: 3,
  priceMax: 5,
  priceUnit: 'yuan_per_sqm_day',
  facilities: [],
  suitedIndustries: [],
  policies: [],
  managerName: '刘经理',
  managerPhone: '13800138111',
  managerStaffId: null,
  unitId: null,
  location: { lat: 31.2, lng: 120.5 },
  photos: [],
};

/** District-neutral (no carriers or industries), so every staff member's own card accepts it. */
const CARD_EDIT = {
  greeting: '欢迎投资兴业。',
  visibility: { phone: false, wechatId: true, wechatQr: false },
  featuredCarrierIds: [],
  featuredIndustries: [],
  onDutyStaffId: null,
  title: '招商专员',
  wechatId: null,
  wechatQr: null,
  photo: null,
};

const parseCells = (s: string): string[] => s.trim().split(/\s+/);

/** What the district office answers for things outside the caller's reach: missing, like a lead of another unit. */
const OFFICE_HIDDEN: string[] = ['PRIVACY.REQUEST_NOT_FOUND', 'IMPORT.UPLOAD_NOT_FOUND', 'DISTRICT.NOT_FOUND', 'UNIT.NOT_FOUND', 'STAFF.NOT_FOUND', 'CARRIER.NOT_FOUND', 'TEAM.NOT_FOUND', 'EVENT.NOT_FOUND'];

/** A second district with its own investment bureau and admin: a stranger to the demo district's leads. */
const addOtherDistrict = async (b: TestBackend): Promise<void> => {
  const at = b.clock.now.toISOString();
  const district = v.parse(DistrictSchema, {
    _id: 'other-district',
    name: '云川市江北区（演示）',
    slogan: '江北欢迎您',
    intro: '另一个演示区域，用于权限测试。',
    keyIndustries: ['新能源'],
    headlineFigures: [],
    policyHighlights: [],
    investmentBureauUnitId: 'other-unit-invest',
    sla: DEFAULT_SLA,
    isDemo: true,
    privacyNoticeVersion: '2026-11',
    createdAt: at,
    updatedAt: at,
  });
  const unit = v.parse(UnitSchema, {
    _id: 'other-unit-invest',
    districtId: district._id,
    name: '江北区投资促进局',
    kind: 'investment_bureau',
    isEconomic: true,
    leaderStaffId: 'other-staff-admin',
    createdAt: at,
  });
  const admin = v.parse(StaffSchema, {
    _id: 'other-staff-admin',
    districtId: district._id,
    unitId: unit._id,
    name: '江北管理员',
    title: '江北区投资促进局 信息管理员',
    roles: ['admin', 'unit_leader', 'staff'],
    status: 'active',
    phone: '13800138099',
    industryFocus: [],
    openid: OTHER_ADMIN_OPENID,
    createdAt: at,
  });
  await b.store.insert(COLLECTIONS.districts.name, district);
  await b.store.insert(COLLECTIONS.units.name, unit);
  await b.store.insert(COLLECTIONS.staff.name, admin);
};

interface World {
  b: TestBackend;
  fixture: Fixture;
}

/** Drawing a real QR takes ~1 s under Jest; who may ask for one does not depend on the picture. */
const instantQr: QrPort = { forShare: async () => ({ kind: 'url', image: 'data:image/png;base64,AA==' }) };

const createWorld = async (): Promise<World> => {
  const b = await createTestBackend();
  b.deps.qr = instantQr;
  await addOtherDistrict(b);
  const { leadId } = await b.ok<{ leadId: string }>('lead.submit', leadInput(), OPENID.investorA);
  // 南岭工业坊's manager (沈观澜, a staff member) is brought into the lead: the participant rows below.
  await b.ok('lead.addParticipant', { leadId, carrierId: 'factory-002' }, OPENID.head);
  const { code } = await b.ok<{ code: string }>('share.create', { cardId: 'card-staff-head', channel: 'chat' }, OPENID.investorB);
  const { page } = await b.ok<{ page: string }>('admin.carrier.remindVacancy', { carrierId: 'building-001' }, OPENID.admin);
  await b.ok('admin.handover.start', { staffId: 'staff-invited', successorStaffId: 'staff-tech' }, OPENID.admin);
  await b.ok('admin.import.upload', { uploadId: 'up_matrixfixture001', index: 0, total: 1, chunk: MATRIX_CSV }, OPENID.admin);
  await b.ok('admin.carrier.photoChunk', { carrierId: 'building-001', uploadId: 'ph_matrixfixture001', index: 0, total: 1, chunk: MATRIX_PNG }, OPENID.admin);
  const refused = { ref: MATRIX_REFUSED_PHOTO, status: 'rejected', traceId: null, reason: '未通过内容安全审核，已删除', uploadedAt: b.clock.now.toISOString() };
  await b.store.update(COLLECTIONS.carriers.name, 'building-001', { set: { photoReviews: [refused] } });
  await storeSampleBulletin(b);
  const { requests } = await b.ok<{ requests: Array<{ id: string }> }>('privacy.request', { kind: 'erase', leadId }, OPENID.investorA);
  const { id: eventId } = await b.ok<{ id: string }>('event.save', EVENT_FIELDS, OPENID.head);
  const { fingerprint: headImageFingerprint } = await b.ok<{ fingerprint: string }>('share.imageState', {}, OPENID.head);
  const carrierImages = await b.ok<{ variants: Array<{ lang: string; fingerprint: string }> }>('share.carrierImageState', { carrierId: 'building-001' }, OPENID.admin);
  const carrierImageFingerprint = carrierImages.variants.find((x) => x.lang === 'zh')?.fingerprint ?? '';
  return { b, fixture: { leadId, shareCode: code, vacancyToken: page.split('t=')[1], claimCode: await submitAsWebVisitor(b), privacyRequestId: requests[0].id, eventId, headImageFingerprint, carrierImageFingerprint } };
};

const WEB_VISITOR = 'matrix-web-visitor';
const asWebVisitor = (b: TestBackend, action: string, input: unknown) =>
  runAction(ALL_ACTIONS, b.deps, { openid: null, appid: null, origin: 'test', requestId: 'web', visitor: WEB_VISITOR, clientIp: '203.0.113.9' }, { action, input });

/** A web inquiry with a solved challenge (easy difficulty: who may act does not depend on it); its claim code. */
const submitAsWebVisitor = async (b: TestBackend): Promise<string> => {
  b.deps.intakeLimits = { ...b.deps.intakeLimits, webChallengeBits: 4 };
  const issued = await asWebVisitor(b, 'lead.challenge', {});
  if (!issued.ok) throw new Error(issued.error.code);
  const { challenge, bits } = issued.data as { challenge: string; bits: number };
  const { nonce } = solveChallenge(challenge, bits);
  const r = await asWebVisitor(b, 'lead.submit', leadInput({ proof: { challenge, nonce } }));
  if (!r.ok) throw new Error(r.error.code);
  return (r.data as { claimCode: string }).claimCode;
};

const call = (b: TestBackend, role: Role, action: string, input: unknown): Promise<ActionResult<unknown>> => b.call(action, input, ROLES[role]);

const letterOf = (r: ActionResult<unknown>): string => {
  if (r.ok) return 'Y';
  if (r.error.code.startsWith('AUTH.')) return 'N';
  if (r.error.code === 'LEAD.NOT_FOUND' || r.error.code === 'CARD.NOT_FOUND') return 'H';
  if (OFFICE_HIDDEN.includes(r.error.code)) return 'H';
  // Authorized, refused for the lead's stage (lead.confirmStage on a lead that has not reached it).
  if (r.error.code === 'LEAD.STAGE_NOT_REACHED') return 'S';
  // Authorized, refused because the lead is not in the caller's 待认领 pool (lead.poolClaim on a held lead).
  if (r.error.code === 'LEAD.NOT_IN_POOL') return 'P';
  if (r.error.code === 'FIRST_REPORT.UNKNOWN_PROJECT' || r.error.code === 'FIRST_REPORT.NO_OPEN_DISPUTE') return 'S';
  if (r.error.code === 'REPORT.BULLETIN_NOT_FOUND') return 'H';
  if (r.error.code === 'SHARE.IMAGE_STALE') return 'F';
  return `?${r.error.code}`;
};

/** Whether this lead's id appears anywhere in a successful response. */
const mentions = (r: ActionResult<unknown>, leadId: string): string => (r.ok ? (JSON.stringify(r.data).includes(leadId) ? 'Y' : 'N') : '-');

describe('authorization matrix', () => {
  let shared: World;

  beforeAll(async () => {
    shared = await createWorld();
    const lead = await shared.b.store.get<Lead>(COLLECTIONS.leads.name, shared.fixture.leadId);
    // The table's meaning depends on this routing: handled by the head in the investment bureau.
    expect(lead?.handling).toEqual({ unitId: 'unit-invest', staffId: 'staff-head' });
  });
  afterAll(() => shared.b.close());

  it('has exactly one row per contract, one cell per role', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(CONTRACTS.map((c) => c.name).sort());
    for (const row of Object.values(MATRIX)) {
      expect(parseCells(row.cells)).toHaveLength(ROLE_ORDER.length);
      if (row.sees) expect(parseCells(row.sees)).toHaveLength(ROLE_ORDER.length);
    }
  });

  describe.each(CONTRACTS.map((c) => [c.name, c.writes] as const))('%s', (action, writes) => {
    it('answers every role as the table says', async () => {
      const row = MATRIX[action];
      expect(row).toBeDefined();
      const cells: string[] = [];
      const sees: string[] = [];
      for (const role of ROLE_ORDER) {
        const world = writes ? await createWorld() : shared;
        try {
          const r = await call(world.b, role, action, row.input(world.fixture));
          cells.push(letterOf(r));
          sees.push(mentions(r, world.fixture.leadId));
        } finally {
          if (writes) await world.b.close();
        }
      }
      const label = (letters: string[]) => ROLE_ORDER.map((role, i) => `${role}=${letters[i]}`).join(' ');
      expect(label(cells)).toBe(label(parseCells(row.cells)));
      if (row.sees) expect(label(sees)).toBe(label(parseCells(row.sees)));
    }, 30_000);
  });

  describe('web visitors (an anonymous id, no WeChat identity)', () => {
    it('reach only public actions, the challenge, intake and their own 我的咨询; everything else answers AUTH.*', async () => {
      // privacy.*: a web visitor has the same rights over the inquiries of their browser (PIPL).
      const allowed = new Set(['lead.challenge', 'lead.submit', 'lead.mine', 'privacy.request', 'privacy.mine']);
      const answers: string[] = [];
      for (const contract of CONTRACTS) {
        const r = await asWebVisitor(shared.b, contract.name, MATRIX[contract.name].input(shared.fixture));
        const refused = !r.ok && r.error.code.startsWith('AUTH.');
        answers.push(`${contract.name}=${refused ? 'N' : 'through'}`);
      }
      const expected = CONTRACTS.map((c) => `${c.name}=${c.access === 'public' || allowed.has(c.name) ? 'through' : 'N'}`);
      expect(answers).toEqual(expected);
    }, 30_000);

    it('a forged visitor id sees none of another visitor’s inquiries', async () => {
      const mine = await asWebVisitor(shared.b, 'lead.mine', {});
      expect(mine.ok && (mine.data as { items: unknown[] }).items).toHaveLength(1);
      const forged = await runAction(ALL_ACTIONS, shared.b.deps, { openid: null, appid: null, origin: 'test', requestId: 'forged', visitor: 'someone-else' }, { action: 'lead.mine', input: {} });
      expect(forged).toEqual({ ok: true, data: { items: [] } });
    });
  });

  describe('event mode', () => {
    it('a forged event id is refused like a missing event, for staff of the district too, and writes no lead', async () => {
      const before = await shared.b.store.count(COLLECTIONS.leads.name);
      for (const role of ['head', 'techStaff', 'admin', 'otherDistrictAdmin'] as const) {
        const r = await call(shared.b, role, 'event.submitInquiry', eventInquiry('evt_forged_by_hand'));
        expect(r).toMatchObject({ ok: false, error: { code: 'EVENT.NOT_FOUND' } });
      }
      expect(await shared.b.store.count(COLLECTIONS.leads.name)).toBe(before);
    });
  });

  describe('identity comes only from the trusted context', () => {
    const SMUGGLED: Array<[string, unknown]> = [
      ['openid', OPENID.admin],
      ['_openid', OPENID.admin],
      ['OPENID', OPENID.admin],
      ['userInfo', { openId: OPENID.admin, appId: 'wx-forged' }],
      ['actor', { kind: 'staff', staffId: 'staff-admin' }],
    ];

    it.each(SMUGGLED)('a `%s` field in the request body is refused by every action', async (field, value) => {
      const refused: string[] = [];
      for (const contract of CONTRACTS) {
        const input = { ...MATRIX[contract.name].input(shared.fixture), [field]: value };
        for (const role of ['anonymous', 'investorB'] as const) {
          const r = await call(shared.b, role, contract.name, input);
          refused.push(`${contract.name}/${role}=${r.ok ? 'ok' : r.error.code}`);
        }
      }
      expect(refused.filter((s) => !s.endsWith('=VALIDATION.INVALID_INPUT'))).toEqual([]);
    });

    it('identity fields beside the input in the envelope are ignored', async () => {
      const forged = { openid: OPENID.admin, OPENID: OPENID.admin, userInfo: { openId: OPENID.admin }, ctx: { openid: OPENID.admin } };
      const run = (action: string, input: unknown) =>
        runAction(ALL_ACTIONS, shared.b.deps, { openid: null, appid: null, origin: 'test', requestId: 'forged' }, { action, input, ...forged });
      expect(await run('session.whoami', {})).toEqual({ ok: true, data: { kind: 'anonymous', staff: null } });
      expect(await run('lead.detail', { leadId: shared.fixture.leadId })).toMatchObject({ ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED' } });
      expect(await run('lead.inbox', { tab: 'unit' })).toMatchObject({ ok: false, error: { code: 'AUTH.SIGN_IN_REQUIRED' } });
    });
  });
});

/**
 * Roles one lead's routing cannot show in the table above, each set up on its own lead (investor A's, from the
 * head's card, handled by staff-head in unit-invest) before the call:
 *   colleague      周若岚, same unit as the handler, not the handler nor the leader
 *   poolColleague  周若岚 again, after the leader put the lead back in the unit's pool (nobody has it)
 *   referrer       the head after handing the lead on to 科技局 · 王书恒: credit stays, handling is gone
 *   participant    沈观澜, manager of 南岭工业坊, brought into the lead by the head (the world's fixture)
 *   participantShared  沈观澜 again, after the head shared the investor's contact with him
 * `view` is what lead.detail reports when it answers.
 */
interface LeadRole {
  openid: string;
  prepare: (b: TestBackend, leadId: string) => Promise<void>;
}
const handOn = (toUnitId: string, toStaffId?: string) => async (b: TestBackend, leadId: string) => {
  const lead = await b.store.get<Lead>(COLLECTIONS.leads.name, leadId);
  await b.ok('lead.assign', { leadId, toUnitId, ...(toStaffId ? { toStaffId } : {}), note: '', rev: lead?._rev ?? 0 }, OPENID.investLeader);
};
const LEAD_ROLES: Record<string, LeadRole> = {
  colleague: { openid: OPENID.commissioner, prepare: async () => undefined },
  poolColleague: { openid: OPENID.commissioner, prepare: handOn('unit-invest') },
  referrer: { openid: OPENID.head, prepare: handOn('unit-tech', 'staff-tech') },
  participant: { openid: OPENID.carrierManager, prepare: async () => undefined },
  participantShared: {
    openid: OPENID.carrierManager,
    prepare: async (b, leadId) => {
      await b.ok('lead.shareParticipantContact', { leadId, staffId: 'staff-carrier-manager', shared: true }, OPENID.head);
    },
  },
};
const LEAD_ROLE_ORDER = Object.keys(LEAD_ROLES);
const LEAD_ACTION_INPUT: Record<string, (leadId: string, rev: number) => Record<string, unknown>> = {
  'lead.detail': (leadId) => ({ leadId }),
  'lead.revealContact': (leadId) => ({ leadId }),
  'lead.transition': (leadId, rev) => ({ leadId, to: 'contacted', rev }),
  'lead.note': (leadId) => ({ leadId, text: '已电话沟通。' }),
  'lead.reply': (leadId) => ({ leadId, text: '您好，已收到。' }),
  'lead.assign': (leadId, rev) => ({ leadId, toUnitId: 'unit-commerce', toStaffId: 'staff-commerce', note: '', rev }),
  'lead.matches': (leadId) => ({ leadId }),
  'lead.setFacts': (leadId, rev) => ({ leadId, originCity: '杭州', rev }),
  'lead.confirmStage': (leadId, rev) => ({ leadId, stage: 'signed', note: '合同已见', date: '2026-11-30', rev }),
  'lead.poolClaim': (leadId, rev) => ({ leadId, rev }),
  'lead.firstReport': (leadId) => ({ leadId }),
  'lead.raiseDispute': (leadId, rev) => ({ leadId, reason: '我方先对接', rev }),
  'report.decideDispute': (leadId, rev) => ({ leadId, decision: 'upheld', reason: '证据充分', rev }),
  'lead.addParticipant': (leadId) => ({ leadId, carrierId: 'factory-002' }),
  'lead.shareParticipantContact': (leadId) => ({ leadId, staffId: 'staff-carrier-manager', shared: true }),
  'lead.removeParticipant': (leadId) => ({ leadId, staffId: 'staff-carrier-manager' }),
};
// Cells in LEAD_ROLE_ORDER: colleague poolColleague referrer participant participantShared
const LEAD_ROLE_MATRIX: Record<string, string> = {
  'lead.detail':        'Y Y Y  Y Y',
  // A participant reveals the contact only while the handler shares it with them.
  'lead.revealContact': 'N Y N  N Y',
  'lead.transition':    'N Y N  N N',
  // A participant's note is for the handler (their own event type, no SLA effect).
  'lead.note':          'N Y N  Y Y',
  'lead.reply':         'N Y N  N N',
  'lead.assign':        'N Y N  N N',
  // Matches come from the need, not the contact: whoever may see the lead may see what fits it.
  'lead.matches':       'Y Y Y  Y Y',
  'lead.setFacts':      'N Y N  N N',
  // Both are members of the investment bureau: past authorization, the new lead stops at the stage (S).
  'lead.confirmStage':  'S S S  N N',
  // Only the pool lead can be claimed; the others are held (P), and the referrer still sees theirs.
  'lead.poolClaim':     'P Y P  P P',
  // A participant is there for the need: other units' reports of the company are not theirs to see.
  'lead.firstReport':   'Y Y Y  N N',
  // The colleague neither reported nor handles it; the pool may act, the referrer reported it (S: no facts yet).
  'lead.raiseDispute':  'N S S  N N',
  'report.decideDispute': 'N N N  N N',
  // Only whoever may act brings managers in, shares the contact, removes them: never a participant themselves.
  'lead.addParticipant':          'N Y N  N N',
  'lead.shareParticipantContact': 'N Y N  N N',
  'lead.removeParticipant':       'N Y N  N N',
};
const LEAD_ROLE_VIEW = 'colleague handler referrer  participant participant';

describe('authorization matrix: the same unit but not the handler, the pool, the referrer', () => {
  it('has a row for every action that takes a lead id', () => {
    const leadScoped = CONTRACTS.filter((c) => c.access === 'staff' && 'leadId' in (MATRIX[c.name].input({ leadId: 'x', shareCode: 'y', vacancyToken: 'z', claimCode: 'w', eventId: 'v', headImageFingerprint: 'u', carrierImageFingerprint: 't' }) ?? {})).map((c) => c.name);
    expect(Object.keys(LEAD_ROLE_MATRIX).sort()).toEqual(leadScoped.sort());
  });

  it.each(Object.keys(LEAD_ROLE_MATRIX))('%s answers every lead role as the table says', async (action) => {
    const cells: string[] = [];
    const views: string[] = [];
    for (const role of LEAD_ROLE_ORDER) {
      const { b, fixture } = await createWorld();
      try {
        await LEAD_ROLES[role].prepare(b, fixture.leadId);
        const rev = (await b.store.get<Lead>(COLLECTIONS.leads.name, fixture.leadId))?._rev ?? 0;
        const r = await b.call(action, LEAD_ACTION_INPUT[action](fixture.leadId, rev), LEAD_ROLES[role].openid);
        cells.push(letterOf(r));
        if (action === 'lead.detail') views.push(r.ok ? String((r.data as { view: string }).view) : '-');
      } finally {
        await b.close();
      }
    }
    const label = (letters: string[]) => LEAD_ROLE_ORDER.map((role, i) => `${role}=${letters[i]}`).join(' ');
    expect(label(cells)).toBe(label(parseCells(LEAD_ROLE_MATRIX[action])));
    if (action === 'lead.detail') expect(label(views)).toBe(label(parseCells(LEAD_ROLE_VIEW)));
  }, 30_000);
});

/**
 * The district office's own roles, beside the table above: the city admin (reads every district of the city,
 * writes nothing), the seeded second district's admin, a revoked admin, an external manager (a WeChat user with
 * no staff account, who holds only a vacancy link) and the leader of another unit (科技局). Same letters.
 */
const OFFICE_ROLES = {
  cityAdmin: OPENID.cityAdmin,
  secondDistrictAdmin: OPENID.wangshanAdmin,
  revokedAdmin: 'demo-openid-revoked-admin',
  externalManager: 'demo-openid-external-manager',
  otherUnitLeader: 'demo-openid-tech-leader',
} as const;
type OfficeRole = keyof typeof OFFICE_ROLES;
const OFFICE_ROLE_ORDER = Object.keys(OFFICE_ROLES) as OfficeRole[];

// Cells in OFFICE_ROLE_ORDER: cityAdmin secondDistrictAdmin revokedAdmin externalManager otherUnitLeader
const OFFICE_MATRIX: Record<string, string> = {
  'admin.home':                  'Y Y N N Y',
  'admin.district.get':          'Y H N N Y',
  'admin.district.update':       'N H N N N',
  'admin.org.get':               'Y H N N Y',
  'admin.unit.save':             'N H N N N',
  'admin.team.save':             'N H N N N',
  'admin.rota.set':              'N H N N N',
  'admin.staff.create':          'N H N N H',
  // 何以宁 is in 科技局: that unit's leader may re-issue her code.
  'admin.staff.invite':          'N H N N Y',
  'admin.staff.setRoles':        'N H N N H',
  'admin.staff.setEnglish':      'N H N N H',
  'admin.staff.revoke':          'N H N N H',
  'admin.carrier.list':          'Y H N N Y',
  'admin.carrier.get':           'Y H N N Y',
  'admin.carrier.save':          'N H N N H',
  'admin.carrier.setListed':     'N H N N H',
  'admin.carrier.remindVacancy': 'N H N N H',
  'vacancy.peek':                'Y Y Y Y Y',
  'vacancy.confirm':             'Y Y Y Y Y',
  'admin.audit.list':            'N Y N N N',
  'admin.handover.preview':      'H H N N H',
  'admin.handover.start':        'N H N N H',
  'admin.handover.resume':       'N H N N Y',
  'admin.import.upload':         'N Y N N Y',
  'admin.carrier.import':        'N H N N H',
  'admin.sla.update':            'N Y N N N',
  'admin.privacy.list':          'N Y N N N',
  'admin.privacy.answer':        'N H N N N',
  'admin.privacy.settings':      'N Y N N N',
  'admin.pool.update':           'N Y N N N',
  'admin.calendar.get':          'Y H N N Y',
  'admin.calendar.save':         'N Y N N N',
  'admin.calendar.import':       'N Y N N N',
  'admin.carrier.photoChunk':    'N H N N H',
  'admin.carrier.photoAdd':      'N H N N H',
  'admin.carrier.photoDismiss':  'N H N N H',
  // The city admin reads only; the other unit's leader and the other district's admin cannot read the admin's upload.
  'admin.staff.importTemplate':  'N Y N N Y',
  'admin.staff.import':          'N H N N H',
};

const addOfficeRoles = async (b: TestBackend): Promise<void> => {
  const at = b.clock.now.toISOString();
  const person = (id: string, unitId: string, roles: string[], status: string, openid: string) =>
    v.parse(StaffSchema, { _id: id, districtId: 'demo-linjiang', unitId, name: id, title: '测试', roles, status, phone: '13800138098', industryFocus: [], openid, createdAt: at });
  await b.store.insert(COLLECTIONS.staff.name, person('staff-revoked-admin', 'unit-invest', ['admin', 'staff'], 'revoked', OFFICE_ROLES.revokedAdmin));
  await b.store.insert(COLLECTIONS.staff.name, person('staff-tech-leader', 'unit-tech', ['unit_leader', 'staff'], 'active', OFFICE_ROLES.otherUnitLeader));
};

describe('authorization matrix: district office roles', () => {
  it('has one row per district office contract, one cell per role', () => {
    const office = CONTRACTS.filter((c) => c.fn === 'admin').map((c) => c.name).sort();
    expect(Object.keys(OFFICE_MATRIX).sort()).toEqual(office);
    for (const cells of Object.values(OFFICE_MATRIX)) expect(parseCells(cells)).toHaveLength(OFFICE_ROLE_ORDER.length);
  });

  describe.each(CONTRACTS.filter((c) => c.fn === 'admin').map((c) => [c.name, c.writes] as const))('%s', (action, writes) => {
    it('answers every office role as the table says', async () => {
      let shared: World | null = null;
      const cells: string[] = [];
      try {
        for (const role of OFFICE_ROLE_ORDER) {
          const world: World = writes || !shared ? await createWorld() : shared;
          if (world !== shared) await addOfficeRoles(world.b);
          if (!writes) shared = world;
          try {
            cells.push(letterOf(await world.b.call(action, MATRIX[action].input(world.fixture), OFFICE_ROLES[role])));
          } finally {
            if (writes) await world.b.close();
          }
        }
      } finally {
        if (shared) await shared.b.close();
      }
      const label = (letters: string[]) => OFFICE_ROLE_ORDER.map((role, i) => `${role}=${letters[i]}`).join(' ');
      expect(label(cells)).toBe(label(parseCells(OFFICE_MATRIX[action])));
    }, 30_000);
  });
});

describe('authorization matrix: exports of one unit', () => {
  // 投资促进局's table: its people and the admin; another unit's staff and another district's admin are refused.
  const INVEST_EXPORT = { scope: 'unit', unitId: 'unit-invest', period: { kind: 'month' }, table: 'dashboard', format: 'csv' };
  it('answers every role as the dashboard does', async () => {
    const world = await createWorld();
    try {
      const cells: string[] = [];
      for (const role of ROLE_ORDER) cells.push(letterOf(await call(world.b, role, 'report.export', INVEST_EXPORT)));
      const label = (letters: string[]) => ROLE_ORDER.map((role, i) => `${role}=${letters[i]}`).join(' ');
      expect(label(cells)).toBe(label(parseCells('N N N  Y N N Y Y  N')));
    } finally {
      await world.b.close();
    }
  }, 30_000);
});

describe('authorization matrix: team and city scopes of the reports', () => {
  // 林致远 (head) is in 招商小组; 王书恒 (tech) leads 产业招商组; the 科技局 leader has a member in 产业招商组 but is not
  // in it (strict: a team's sum holds other units' people); 陆明远 reads the city's figures, never its leads.
  const SCOPE_ROLES = { teamMember: OPENID.head, otherTeam: OPENID.tech, memberUnitLeader: OFFICE_ROLES.otherUnitLeader, admin: OPENID.admin, cityAdmin: OPENID.cityAdmin, cityOtherDistrictAdmin: OPENID.wangshanAdmin, otherDistrictAdmin: OTHER_ADMIN_OPENID } as const;
  const SCOPE_ROLE_ORDER = Object.keys(SCOPE_ROLES) as Array<keyof typeof SCOPE_ROLES>;
  const month = { kind: 'month' };
  // Cells: teamMember otherTeam memberUnitLeader admin cityAdmin cityOtherDistrictAdmin otherDistrictAdmin
  const SCOPE_MATRIX: Array<[string, string, Record<string, unknown>, string]> = [
    ['report.dashboard', 'team 招商小组', { scope: 'team', teamId: 'team-invest-squad', period: month }, 'Y N N Y N N N'],
    ['report.dashboard', 'team 产业招商组', { scope: 'team', teamId: 'team-industry', period: month }, 'N Y N Y N N N'],
    ['report.dashboard', 'city', { scope: 'city', period: month }, 'N N N N Y N N'],
    ['report.dashboard', 'district 临江区 by id', { scope: 'district', districtId: 'demo-linjiang', period: month }, 'N N N Y Y N N'],
    ['report.leads', 'team 招商小组', { scope: 'team', teamId: 'team-invest-squad', period: month, filter: 'all' }, 'Y N N Y N N N'],
    ['report.leads', 'city', { scope: 'city', period: month, filter: 'all' }, 'N N N N N N N'],
    ['report.leads', 'district 临江区 by id', { scope: 'district', districtId: 'demo-linjiang', period: month, filter: 'all' }, 'N N N Y N N N'],
    ['report.export', 'team 产业招商组 leads', { scope: 'team', teamId: 'team-industry', period: month, table: 'leads', format: 'csv' }, 'N Y N Y N N N'],
    ['report.export', 'city table', { scope: 'city', period: month, table: 'dashboard', format: 'csv' }, 'N N N N Y N N'],
    ['report.export', 'city leads', { scope: 'city', period: month, table: 'leads', format: 'xlsx' }, 'N N N N N N N'],
    ['report.export', 'team 招商小组 heat-map cell', { scope: 'team', teamId: 'team-invest-squad', period: month, table: 'leads', format: 'csv', where: [{ filter: 'industry', values: ['新能源'] }] }, 'Y N N Y N N N'],
    ['report.export', 'city heat-map cell', { scope: 'city', period: month, table: 'leads', format: 'xlsx', where: [{ filter: 'origin', values: ['330000'] }] }, 'N N N N N N N'],
    ['report.export', 'district 临江区 table by id', { scope: 'district', districtId: 'demo-linjiang', period: month, table: 'dashboard', format: 'xlsx' }, 'N N N Y Y N N'],
  ];

  it.each(SCOPE_MATRIX)('%s %s answers every role as the table says', async (action, _name, input, expected) => {
    const world = await createWorld();
    try {
      await addOfficeRoles(world.b);
      const cells: string[] = [];
      for (const role of SCOPE_ROLE_ORDER) cells.push(letterOf(await world.b.call(action, input, SCOPE_ROLES[role])));
      const label = (letters: string[]) => SCOPE_ROLE_ORDER.map((role, i) => `${role}=${letters[i]}`).join(' ');
      expect(label(cells)).toBe(label(parseCells(expected)));
    } finally {
      await world.b.close();
    }
  }, 30_000);
});
