import { CONTRACTS } from '../../domain/api/registry';
import { DEFAULT_ARENA_WEIGHTS } from '../../domain/ranking/arena-weights.schema';
import type { ErrorCode } from '../../domain/common/error-codes';
import { OPENID } from '../support/test-backend';
import { jpegOf } from '../support/sample-share-image';
import { privacyRequesterOf, privacyRequestIdFor } from '../../cloudfunctions/_lib/privacy-requester';

/**
 * A generated corpus of requests every action must refuse. Each case starts from one valid input per action
 * (VALID_REQUESTS, checked against the contract's schema by the test) and breaks exactly one thing, so a case
 * that succeeds points at one missing check. Mutations are derived from the request schema itself: a new
 * contract or field is covered as soon as it has a row in VALID_REQUESTS.
 *
 * Policy — what must be refused, per kind of slot:
 * - every slot: wrong JSON types, Mongo-style operator objects, arrays, 100 000-character strings, 500-level
 *   nesting; every object: missing required fields and extra fields (identity, ownership, `__proto__`, …);
 * - `text` (line/paragraph: names, messages, notes): NUL and control characters, lone surrogates, zero-width
 *   and bidi-override characters, blank text where a minimum applies. HTML, SQL and formulas are NOT in the
 *   corpus for these: they are legitimate text, stored as data and rendered as text, never as markup or query;
 * - `code` (ids, share/invite codes, keys, e-mail, WeChat ids: anything with a format): additionally HTML,
 *   SQL, spreadsheet formulas, path traversal, full-width digits, homoglyphs and padding;
 * - `enum`: near misses (case, padding) and prototype keys (`constructor`, `__proto__`) that a lookup table
 *   indexed by the value would resolve;
 * - `opaque` (cursors, the honeypot): only type, size and operator mutations; their content is checked by the
 *   use case, and a filled honeypot answers like success on purpose;
 * - envelopes: non-object `input` (null only where `{}` is itself invalid, because a missing input means `{}`),
 *   non-object envelopes and unknown or disguised action names.
 */

export type Caller = keyof typeof OPENID;

/** Real documents the valid requests point at, so a request that slipped through would really act. */
export interface CorpusFixture {
  leadId: string;
  rev: number;
  /** A share of the head's card. */
  shareCode: string;
  /** A vacancy confirmation link for building-001. */
  vacancyToken: string;
  /** A person the admin just created (invited, code unused). */
  invitedStaffId: string;
  /** The claim code of a web visitor's inquiry (absent: the claim row uses one that matches no inquiry). */
  claimCode?: string;
  /** A second lead the head walked to 签约, for the bureau's confirmation (lead.confirmStage). */
  signedLeadId: string;
  signedRev: number;
  /** A third lead put back in the investment bureau's pool, for 认领 (lead.poolClaim); absent: the main lead. */
  poolLeadId?: string;
  poolRev?: number;
  /** An 活动 of the demo district (absent: the event rows name one that does not exist). */
  eventId?: string;
  /** The demo district's privacy-notice version as it is now (absent: the seed's). */
  noticeVersion?: string;
  /** A later report of the first lead's company from 科技局 (lead.raiseDispute, report.decideDispute). */
  disputeLeadId: string;
  disputeRev: number;
  /** The head's card's share-image fingerprint as it is now (absent: a well-formed one that fits no card). */
  headImageFingerprint?: string;
  /** building-001's Chinese share-image fingerprint as it is now (share.carrierImageState as the admin; absent: one that fits nothing). */
  carrierImageFingerprint?: string;
}

export interface ValidRequest {
  /** Who can make this exact request succeed, so authorization never masks a validation gap. */
  caller: Caller;
  input: Record<string, unknown>;
}

/** One valid input per action of CONTRACTS. Lead-scoped ones act on a real lead of the demo district. */
export const VALID_REQUESTS = (f: CorpusFixture): Record<string, ValidRequest> => ({
  'card.get': { caller: 'anonymous', input: { cardId: 'card-staff-head', lang: 'en' } },
  'carrier.search': {
    caller: 'anonymous',
    input: { districtId: 'demo-linjiang', type: 'building', industry: '人工智能', street: '金湾街道', keyword: '大厦', hasVacancy: true, minVacantArea: 0, maxVacantArea: 100_000, maxPrice: 10, priceUnit: 'yuan_per_sqm_day', sort: 'price', limit: 5, lang: 'en' },
  },
  'carrier.get': { caller: 'anonymous', input: { carrierId: 'building-001', lang: 'en' } },
  'directory.list': { caller: 'anonymous', input: { districtId: 'demo-linjiang', unitId: 'unit-invest', industry: '数字经济', lang: 'en' } },
  'session.whoami': { caller: 'admin', input: {} },
  'lead.submit': {
    caller: 'investorA',
    input: {
      idempotencyKey: 'corpus-key-000000000001',
      contact: { name: '李先生', company: '云帆智能科技有限公司', phone: '13900139000', email: 'li@example.com', wechatId: 'li_yunfan' },
      need: { industry: '人工智能', scale: '10m_50m', carrierType: 'building', areaMin: 500, areaMax: 1500, timing: '半年内' },
      message: '计划设立研发中心，想了解楼宇租金与人才政策。',
      source: { channel: 'chat', cardId: 'card-staff-head', carrierId: 'building-001' },
      consent: { agreed: true, noticeVersion: '2026-11' },
      lang: 'en',
      // Well-formed (a WeChat user's proof is not checked: only web visitors need one), so its shape is probed.
      proof: { challenge: `${'A'.repeat(20)}.1800000000000.16.${'a'.repeat(64)}`, nonce: '12345' },
    },
  },
  'lead.mine': { caller: 'investorA', input: { lang: 'en' } },
  'lead.privacyNotice': { caller: 'anonymous', input: { districtId: 'demo-linjiang' } },
  'lead.inbox': { caller: 'admin', input: { tab: 'unit', limit: 10 } },
  'lead.detail': { caller: 'admin', input: { leadId: f.leadId } },
  'lead.revealContact': { caller: 'admin', input: { leadId: f.leadId } },
  'lead.transition': { caller: 'admin', input: { leadId: f.leadId, to: 'contacted', reason: '已电话联系', rev: f.rev } },
  'lead.note': { caller: 'admin', input: { leadId: f.leadId, text: '电话沟通，客户下周来访。', kind: 'call_logged' } },
  // A recommendation names its carriers: 南岭工业坊's manager is brought in (the array of ids is probed too).
  'lead.reply': { caller: 'admin', input: { leadId: f.leadId, text: '您好，已收到您的咨询。', carrierIds: ['factory-002'] } },
  'lead.assign': { caller: 'admin', input: { leadId: f.leadId, toUnitId: 'unit-tech', toStaffId: 'staff-tech', note: '人工智能方向', rev: f.rev } },
  // Staff may not bind a second account, so only a not-yet-staff caller makes this succeed.
  'staff.bindInvite': { caller: 'investorB', input: { inviteCode: 'DEMO2026' } },
  'share.visit': { caller: 'anonymous', input: { cardId: 'card-staff-head', shareCode: f.shareCode, channel: 'moments', visitorKey: 'corpus-visitor-000000001' } },
  'share.create': { caller: 'investorA', input: { cardId: 'card-staff-head', channel: 'chat', parentCode: f.shareCode } },
  'share.qr': { caller: 'investorA', input: { code: f.shareCode } },
  'card.mine': { caller: 'head', input: {} },
  'share.imageState': { caller: 'head', input: {} },
  'share.saveImage': { caller: 'head', input: { shape: 'chat', fingerprint: f.headImageFingerprint ?? '0'.repeat(32), image: CORPUS_SHARE_IMAGE } },
  // A carrier's share images: drawn by whoever manages it (building-001 belongs to no unit: the district admin).
  'share.carrierImageState': { caller: 'admin', input: { carrierId: 'building-001' } },
  'share.saveCarrierImage': { caller: 'admin', input: { carrierId: 'building-001', lang: 'zh', shape: 'chat', fingerprint: f.carrierImageFingerprint ?? '0'.repeat(32), image: CORPUS_SHARE_IMAGE } },
  'card.update': {
    caller: 'head',
    input: {
      greeting: '欢迎来临江投资兴业。',
      visibility: { phone: true, wechatId: true, wechatQr: false },
      featuredCarrierIds: ['building-001'],
      featuredIndustries: ['数字经济'],
      onDutyStaffId: null,
      title: '临江区区长 · 招商专员',
      wechatId: 'linjiang-demo-head',
      wechatQr: null,
      photo: '/assets/people/staff-head.svg',
      greetingEn: 'Welcome to Linjiang.',
      nameEn: 'Lin Zhiyuan',
      titleEn: 'District Mayor, Linjiang',
    },
  },
  'card.stats': { caller: 'head', input: { cardId: 'card-staff-head' } },
  'carrier.match': {
    caller: 'anonymous',
    input: { districtId: 'demo-linjiang', need: { carrierType: 'factory', areaMin: 3000, areaMax: 5000, budgetMax: 30, budgetUnit: 'yuan_per_sqm_month', industry: '新能源', street: '临江街道' }, limit: 3, lang: 'en' },
  },
  'lead.matches': { caller: 'head', input: { leadId: f.leadId, lang: 'en' } },
  'admin.home': { caller: 'admin', input: { districtId: 'demo-linjiang' } },
  'admin.district.get': { caller: 'admin', input: { districtId: 'demo-linjiang' } },
  'admin.district.update': {
    caller: 'admin',
    input: {
      name: '云川市临江区（演示）',
      slogan: '临江而立，投资正当时',
      intro: '临江区位于云川市东部滨江发展带。',
      keyIndustries: ['数字经济', '先进制造'],
      headlineFigures: [{ label: '可招商面积', value: '112 万㎡', labelEn: 'Space available', valueEn: '1.12 million m²' }],
      policies: [{ title: '首年租金减免 30%', summary: '最长三年', fileId: 'cloud://env-1/policies/rent.pdf', titleEn: '30% off the first year', summaryEn: 'For up to three years' }],
      coverImage: '/assets/district/cover.svg',
      defaultCardId: 'card-staff-head',
      vacancyConfirmDays: 30,
      nameEn: 'Linjiang District, Yunchuan (demo)',
      sloganEn: 'Invest by the river, invest now',
      introEn: 'Linjiang lies on the riverside belt east of Yunchuan.',
      keyIndustriesEn: ['Digital economy', 'Advanced manufacturing'],
    },
  },
  'admin.org.get': { caller: 'admin', input: { districtId: 'demo-linjiang', rotaFrom: '2026-11-30' } },
  'admin.unit.save': { caller: 'admin', input: { unitId: 'unit-tech', name: '临江区科学技术局', kind: 'economic_department', isEconomic: true, leaderStaffId: 'staff-tech', parentUnitId: 'unit-invest', nameEn: 'Science and Technology Bureau' } },
  'admin.team.save': { caller: 'admin', input: { teamId: 'team-industry', name: '产业招商组', leaderStaffId: 'staff-tech', memberStaffIds: ['staff-tech', 'staff-park'] } },
  'admin.rota.set': { caller: 'admin', input: { day: '2026-12-01', staffId: 'staff-commissioner' } },
  'admin.staff.create': { caller: 'admin', input: { name: '许知行', title: '科技局 科员', unitId: 'unit-tech', roles: ['staff', 'commissioner'], phone: '13800138020', nameEn: 'Xu Zhixing', titleEn: 'Officer' } },
  'admin.staff.invite': { caller: 'admin', input: { staffId: f.invitedStaffId, op: 'reissue' } },
  'admin.staff.setRoles': { caller: 'admin', input: { staffId: 'staff-commissioner', roles: ['commissioner', 'staff', 'carrier_manager'] } },
  'admin.staff.setEnglish': { caller: 'admin', input: { staffId: 'staff-commissioner', nameEn: 'Zhou Yue', titleEn: 'Investment officer' } },
  'admin.staff.revoke': { caller: 'admin', input: { staffId: f.invitedStaffId, cardSuccessorStaffId: 'staff-park' } },
  'admin.carrier.list': { caller: 'admin', input: { districtId: 'demo-linjiang', limit: 10 } },
  'admin.carrier.get': { caller: 'admin', input: { carrierId: 'building-001' } },
  'admin.carrier.save': {
    caller: 'admin',
    input: {
      carrierId: 'building-001',
      carrier: {
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
        facilities: ['中央空调'],
        suitedIndustries: ['数字经济'],
        policies: ['入驻首年租金减免 30%'],
        managerName: '刘经理',
        managerPhone: '13800138111',
        managerStaffId: 'staff-park',
        unitId: 'unit-invest',
        location: { lat: 31.2, lng: 120.5 },
        photos: ['/assets/carriers/building-0.svg'],
        nameEn: 'Linjiang Financial Centre',
        streetEn: 'Jinwan Subdistrict',
        addressEn: '1 Binjiang Avenue, Linjiang District',
        facilitiesEn: ['Central air conditioning'],
        suitedIndustriesEn: ['Digital economy'],
        policiesEn: ['30% off the first year’s rent'],
        managerNameEn: 'Ms Liu',
      },
    },
  },
  'admin.carrier.setListed': { caller: 'admin', input: { carrierId: 'building-002', listed: false } },
  'admin.carrier.remindVacancy': { caller: 'admin', input: { carrierId: 'building-001' } },
  'vacancy.peek': { caller: 'anonymous', input: { token: f.vacancyToken } },
  'vacancy.confirm': { caller: 'anonymous', input: { token: f.vacancyToken, vacantArea: 100 } },
  'admin.audit.list': { caller: 'admin', input: { limit: 10 } },
  'admin.handover.preview': { caller: 'admin', input: { staffId: 'staff-commissioner' } },
  'admin.handover.start': { caller: 'admin', input: { staffId: f.invitedStaffId, successorStaffId: 'staff-commissioner', carrierSuccessorStaffId: 'staff-park', cardSuccessorStaffId: 'staff-head' } },
  // Started just before in the control run (CONTRACTS order).
  'admin.handover.resume': { caller: 'admin', input: { handoverId: `ho_${f.invitedStaffId}` } },
  'admin.import.upload': { caller: 'admin', input: { uploadId: 'up_corpusupload0001', index: 0, total: 1, chunk: CORPUS_CSV } },
  // Uploaded just before in the control run (CONTRACTS order); a dry run writes nothing.
  'admin.sla.update': { caller: 'admin', input: { firstResponseHours: 16, followUpDays: 5, remindAt: 1, copyLeaderAt: 1.5, reassignAt: 2.5 } },
  'admin.carrier.import': { caller: 'admin', input: { uploadId: 'up_corpusupload0001', fileName: '载体导入.csv', mode: 'dry_run' } },
  'admin.carrier.photoChunk': { caller: 'admin', input: { carrierId: 'building-001', uploadId: 'ph_corpusupload0001', index: 0, total: 1, chunk: CORPUS_PNG } },
  // Sent just before in the control run (CONTRACTS order).
  'admin.carrier.photoAdd': { caller: 'admin', input: { carrierId: 'building-001', source: { kind: 'chunks', uploadId: 'ph_corpusupload0001', total: 1 } } },
  // The fixture's refused photo on building-001.
  'admin.carrier.photoDismiss': { caller: 'admin', input: { carrierId: 'building-001', ref: CORPUS_REFUSED_PHOTO } },
  'lead.challenge': { caller: 'investorA', input: {} },
  'lead.claim': { caller: 'investorB', input: { code: f.claimCode ?? 'ABCDE-FGHJK' } },
  'lead.setFacts': {
    caller: 'admin',
    input: { leadId: f.leadId, creditCode: '91330106MA2B3C4D5D', companyName: '云帆智能科技有限公司', investmentWan: 35_000, originCity: '杭州', eventId: 'expo-2026', rev: f.rev },
  },
  'lead.confirmStage': { caller: 'investLeader', input: { leadId: f.signedLeadId, stage: 'signed', note: '已核验投资协议原件', date: '2026-11-30', rev: f.signedRev } },
  'report.dashboard': { caller: 'admin', input: { scope: 'unit', unitId: 'unit-invest', period: { kind: 'month', key: '2026-11' } } },
  'report.leads': { caller: 'admin', input: { scope: 'district', period: { kind: 'range', from: '2026-11-01', to: '2026-11-30' }, filter: 'channel', value: 'chat', where: [{ filter: 'origin', values: ['330000', '-'], except: true }] } },
  'report.arena': { caller: 'admin', input: { kind: 'quarter', key: '2026-Q4' } },
  'privacy.request': { caller: 'investorA', input: { kind: 'erase', leadId: f.leadId } },
  'privacy.mine': { caller: 'investorA', input: {} },
  'admin.privacy.list': { caller: 'admin', input: {} },
  // Requested just before in the control run (CONTRACTS order): its id follows from what was asked.
  'admin.privacy.answer': {
    caller: 'admin',
    input: { requestId: privacyRequestIdFor('erase', privacyRequesterOf({ openid: OPENID.investorA }).key, 'demo-linjiang', [f.leadId]), decision: 'done', note: '已按您的要求删除' },
  },
  'admin.privacy.settings': { caller: 'admin', input: { answerDays: 10, retentionDays: 365 } },
  'lead.poolClaim': { caller: 'commissioner', input: { leadId: f.poolLeadId ?? f.leadId, rev: f.poolRev ?? f.rev } },
  'admin.pool.update': { caller: 'admin', input: { maxClaimedOpen: 10, idleReturnDays: 4, warnDaysBefore: 1 } },
  'admin.calendar.get': { caller: 'admin', input: { districtId: 'demo-linjiang', year: 2026 } },
  'admin.calendar.save': { caller: 'admin', input: { year: 2027, holidays: ['2027-01-01', '2027-10-01'], makeUpWorkdays: ['2027-09-26'] } },
  'admin.calendar.import': { caller: 'admin', input: { year: 2026 } },
  'event.list': { caller: 'commissioner', input: {} },
  'event.save': { caller: 'commissioner', input: { id: f.eventId ?? 'evt_corpus_missing', name: '长三角投资洽谈会', date: '2026-12-05', place: '云川国际会展中心 A 馆' } },
  'event.submitInquiry': {
    caller: 'commissioner',
    input: {
      eventId: f.eventId ?? 'evt_corpus_missing',
      idempotencyKey: 'corpus-event-key-0000001',
      contact: { name: '李先生', company: '云帆智能科技有限公司', phone: '13900139000', email: 'li@example.com' },
      need: { industry: '人工智能', scale: '10m_50m', carrierType: 'building', areaMin: 500, areaMax: 1500, timing: '半年内' },
      message: '在洽谈会上了解到临江区，想看研发楼宇。',
      consent: { agreed: true, noticeVersion: f.noticeVersion ?? '2026-11' },
    },
  },
  'lead.firstReport': { caller: 'tech', input: { leadId: f.disputeLeadId } },
  // The first lead got the same credit code from lead.setFacts just before (CONTRACTS order): 科技局's is later.
  'lead.raiseDispute': { caller: 'tech', input: { leadId: f.disputeLeadId, reason: '企业最早由科技局对接，见会议纪要', rev: f.disputeRev } },
  'report.disputes': { caller: 'admin', input: { status: 'open' } },
  // Raised just before in the control run.
  'report.decideDispute': { caller: 'admin', input: { leadId: f.disputeLeadId, decision: 'rejected', reason: '首报登记在先，证据不足', rev: f.disputeRev } },
  'report.bulletins': { caller: 'admin', input: {} },
  'report.bulletinFile': { caller: 'admin', input: { bulletinId: 'bl_demo-linjiang_2026-11', format: 'pdf' } },
  'report.export': { caller: 'admin', input: { scope: 'district', period: { kind: 'month', key: '2026-11' }, table: 'leads', format: 'csv', filter: 'channel', value: 'chat', where: [{ filter: 'origin', values: ['330000', '-'], except: true }] } },
  'report.weights': { caller: 'tech', input: {} },
  'report.setWeights': { caller: 'admin', input: { weights: DEFAULT_ARENA_WEIGHTS } },
  'admin.staff.importTemplate': { caller: 'admin', input: {} },
  // The corpus upload (sent earlier in the control run) has the carrier columns: a dry run reports them, writes nothing.
  'admin.staff.import': { caller: 'admin', input: { uploadId: 'up_corpusupload0001', fileName: '人员导入.csv', mode: 'dry_run' } },
  'report.heatmap': { caller: 'admin', input: { scope: 'district', period: { kind: 'month', key: '2026-11' }, kind: 'street_carrier', measure: 'signed' } },
  // Carrier managers on the signed lead (the first one is erased by then in the control run), in CONTRACTS order:
  // brought in, the contact shared with him, then removed.
  'lead.addParticipant': { caller: 'admin', input: { leadId: f.signedLeadId, carrierId: 'factory-002' } },
  'lead.shareParticipantContact': { caller: 'admin', input: { leadId: f.signedLeadId, staffId: 'staff-carrier-manager', shared: true } },
  'lead.removeParticipant': { caller: 'admin', input: { leadId: f.signedLeadId, staffId: 'staff-carrier-manager' } },
  'report.adjustArena': { caller: 'admin', input: { kind: 'quarter', key: '2026-Q3', contestantKind: 'team', contestantId: 'team-industry', points: -2.5, reason: '响应记录有误', leadId: f.leadId } },
});

const CORPUS_CSV = Buffer.from('外部编号,类型,名称,街道,地址,总面积,空置面积,价格单位,管理人,管理人电话,纬度,经度\nEXT-1,厂房,导入厂房,金湾街道,金湾路 1 号,1000,100,元/㎡·月,钱经理,13800138030,31.2,120.5\n').toString('base64');
const CORPUS_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
/** A refused photo the corpus fixture leaves on building-001, for photoDismiss. */
/** A JPEG header of the chat share image's size: what share.saveImage checks. */
const CORPUS_SHARE_IMAGE = jpegOf(500, 400).toString('base64');
export const CORPUS_REFUSED_PHOTO = '/api/_local/photos/carrier-photos/building-001/pho-corpus.png';

export interface BadCase {
  /** `action · path · mutation`, for failure messages. */
  id: string;
  action: string;
  caller: Caller;
  /** The whole envelope as the runner receives it. */
  envelope: unknown;
  expectedCode: Extract<ErrorCode, 'VALIDATION.INVALID_INPUT' | 'ACTION.UNKNOWN'>;
}

// ---- schema introspection (valibot v1 objects are plain data: `type`, `entries`, `wrapped`, `pipe`) ----

interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  options?: readonly unknown[];
  literal?: unknown;
  pipe?: readonly SchemaNode[];
  requirement?: unknown;
}

type SlotKind = 'object' | 'array' | 'text' | 'code' | 'opaque' | 'enum' | 'number' | 'boolean' | 'literal' | 'other';

interface Slot {
  kind: SlotKind;
  optional: boolean;
  /** null is a valid value here (`v.nullable`), so no mutation may use it. */
  nullable: boolean;
  node: SchemaNode;
  /** Action types of the (flattened) pipe, with their requirements. */
  actions: Array<{ type: string; requirement: unknown }>;
}

/** A pipe's first item is its base schema, itself a pipe when pipes are nested (`v.pipe(line(…), v.email())`). */
const flattenPipe = (node: SchemaNode): Array<{ type: string; requirement: unknown }> =>
  (node.pipe ?? []).flatMap((item, i) => (item.pipe ? flattenPipe(item) : i === 0 ? [] : [{ type: item.type, requirement: item.requirement }]));

const WRAPPERS = ['optional', 'exact_optional', 'nullable', 'nullish'];

const slotOf = (schema: SchemaNode): Slot => {
  let node = schema;
  let optional = false;
  let nullable = false;
  while (WRAPPERS.includes(node.type) && node.wrapped) {
    if (node.type !== 'nullable') optional = true;
    if (node.type !== 'optional' && node.type !== 'exact_optional') nullable = true;
    node = node.wrapped;
  }
  const actions = flattenPipe(node);
  const has = (t: string) => actions.some((a) => a.type === t);
  let kind: SlotKind = 'other';
  if (node.type === 'strict_object' || node.type === 'object' || node.type === 'loose_object') kind = 'object';
  else if (node.type === 'array') kind = 'array';
  else if (node.type === 'picklist') kind = 'enum';
  else if (node.type === 'number') kind = 'number';
  else if (node.type === 'boolean') kind = 'boolean';
  else if (node.type === 'literal') kind = 'literal';
  else if (node.type === 'string') kind = has('regex') || has('email') ? 'code' : has('transform') ? 'text' : 'opaque';
  return { kind, optional, nullable, node, actions };
};

const requirementOf = (slot: Slot, type: string): number | undefined => {
  const found = slot.actions.filter((a) => a.type === type).map((a) => a.requirement);
  const numbers = found.filter((r): r is number => typeof r === 'number');
  if (!numbers.length) return undefined;
  return type.startsWith('min') ? Math.max(...numbers) : Math.min(...numbers);
};

// ---- building blocks ----

const HUGE = 'a'.repeat(100_000);

const deepObject = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
};
const deepArray = (levels: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
};

const OPERATORS: Array<[string, unknown]> = [
  ['$gt', { $gt: '' }],
  ['$ne', { $ne: null }],
  ['$where', { $where: '1' }],
  ['$regex', { $regex: '.*' }],
  ['$exists', { $exists: true }],
  ['$in', { $in: [] }],
];

/** Hostile text every string slot (free text included) must refuse. */
const CORRUPT_TEXT: Array<[string, string]> = [
  ['NUL', '正常\u0000文本'],
  ['BEL control', '正常\u0007文本'],
  ['ESC control', '\u001b[31m正常'],
  ['lone high surrogate', '正常\uD83D文本'],
  ['lone low surrogate', '正常\uDE00文本'],
  ['reversed surrogate pair', '正常\uDE00\uD83D'],
  ['zero-width space', '正常\u200B文本'],
  ['zero-width joiner', '正常\u200D文本'],
  // Mid-string: a leading BOM is whitespace to String.prototype.trim, so free text normalises it away.
  ['BOM inside', '正常\uFEFF文本'],
  ['right-to-left override', '正常\u202Etxt.exe'],
  ['left-to-right override', '\u202D正常文本'],
  ['first strong isolate', '正常\u2068文本\u2069'],
];

/** What a field with a format (ids, codes, keys) must refuse on top of CORRUPT_TEXT. */
const CODE_ATTACKS: Array<[string, string]> = [
  ['formula cmd', "=cmd|' /C calc'!A0"],
  ['formula +SUM', '+SUM(1)'],
  ['formula -', '-2+3+cmd|x'],
  ['formula @', '@SUM(1+1)'],
  ['HTML script', '<script>alert(1)</script>'],
  ['HTML attribute', '"><img src=x onerror=alert(1)>'],
  ['SQL tautology', "' OR '1'='1"],
  ['SQL stacked', '1; DROP TABLE leads;--'],
  ['SQL comment', "admin'--"],
  ['path traversal', '../../etc/passwd'],
  ['javascript URL', 'javascript:alert(1)'],
  ['data URL', 'data:text/html,<script>alert(1)</script>'],
  ['plain http URL', 'http://evil.example/x.png'],
  ['url-encoded', 'card%2Dstaff%2Dhead'],
  ['full-width digits', '１２３４５６７８９０'],
  ['full-width letters', 'ＤＥＭＯ２０２６'],
  ['Cyrillic homoglyph', 'саrd-stаff-hеаd'],
  ['blank', ''],
  ['space', ' '],
];

const WRONG_TYPES_FOR_STRING: Array<[string, unknown]> = [
  ['number', 123],
  ['zero', 0],
  ['boolean', true],
  ['null', null],
  ['empty object', {}],
  ['empty array', []],
  ['array of string', ['card-staff-head']],
];

/** Fields a client might try to smuggle in to claim identity or ownership. */
const ROOT_EXTRAS: Array<[string, unknown]> = [
  ['_openid', OPENID.admin],
  ['openid', OPENID.admin],
  ['_id', 'lead-forged'],
  ['districtId', 'other-district'],
  ['status', 'signed'],
  ['roles', ['admin']],
  ['staffId', 'staff-admin'],
  ['submitter', { openid: OPENID.investorA }],
  ['actor', { kind: 'staff' }],
  ['userInfo', { openId: OPENID.admin }],
  ['$where', '1'],
  ['prototype', { admin: true }],
  ['toString', 'x'],
];
const NESTED_EXTRAS: Array<[string, unknown]> = [
  ['_openid', OPENID.admin],
  ['_id', 'forged'],
  ['$where', '1'],
];
/** Own keys only JSON.parse produces: an object literal would set the prototype instead. */
const PROTO_KEYS = ['__proto__', 'constructor'] as const;
const withOwnKey = (base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> => {
  const obj = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as Record<string, unknown>;
  for (const [k, v] of Object.entries(base)) obj[k] = v;
  return obj;
};

// ---- mutations per slot ----

type Mutation = [label: string, value: unknown];

const stringSlotMutations = (slot: Slot, base: unknown): Mutation[] => {
  const out: Mutation[] = [...WRONG_TYPES_FOR_STRING, ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]), ['huge string', HUGE], ['500-level object', deepObject(500)], ['500-level array', deepArray(500)]];
  if (typeof base === 'string') out.push(['array of the valid value', [base]]);
  if (slot.kind === 'opaque') {
    const max = requirementOf(slot, 'max_length');
    if (max !== undefined) out.push(['one past max length', 'a'.repeat(max + 1)]);
    return out;
  }
  out.push(...CORRUPT_TEXT.map(([l, v]): Mutation => [l, v]));
  const min = requirementOf(slot, 'min_length');
  if (slot.kind === 'text' && min !== undefined && min > 0) out.push(['blank', ''], ['whitespace only', ' \u3000 ']);
  if (slot.kind === 'code') {
    out.push(...CODE_ATTACKS);
    // A format without normalisation must refuse padding and line breaks too.
    if (typeof base === 'string' && !slot.actions.some((a) => a.type === 'transform')) {
      out.push(['leading space', ` ${base}`], ['trailing newline', `${base}\n`], ['leading BOM', `\uFEFF${base}`], ['trailing NUL', `${base}\u0000`]);
    }
  }
  return out;
};

const enumMutations = (slot: Slot): Mutation[] => {
  const options = (slot.node.options ?? []).filter((o): o is string => typeof o === 'string');
  const first = options[0] ?? 'x';
  const out: Mutation[] = [
    ...WRONG_TYPES_FOR_STRING,
    ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]),
    ['operator $in of valid', { $in: [first] }],
    ['array of valid', [first]],
    ['leading space', ` ${first}`],
    ['trailing space', `${first} `],
    ['blank', ''],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['HTML script', '<script>alert(1)</script>'],
    ['SQL tautology', "' OR '1'='1"],
    ['formula', "=cmd|' /C calc'!A0"],
    ['NUL suffix', `${first}\u0000`],
    ['zero-width inside', `${first.slice(0, 1)}\u200B${first.slice(1)}`],
    ['full-width', first.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['huge string', HUGE],
    ['500-level object', deepObject(500)],
  ];
  if (first.toUpperCase() !== first && !options.includes(first.toUpperCase())) out.push(['upper case', first.toUpperCase()]);
  return out;
};

const numberMutations = (slot: Slot): Mutation[] => {
  const out: Mutation[] = [
    ['numeric string', '1'],
    ['full-width digits', '１２'],
    ['hex string', '0x10'],
    ['NaN', Number.NaN],
    ['null', null],
    ['boolean', true],
    ['array', [1]],
    ['empty object', {}],
    ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]),
    ['operator $gt number', { $gt: 0 }],
    ['500-level object', deepObject(500)],
  ];
  const bounded = slot.actions.some((a) => a.type === 'finite' || a.type === 'integer');
  if (bounded) out.push(['Infinity', Number.POSITIVE_INFINITY], ['-Infinity', Number.NEGATIVE_INFINITY]);
  const min = requirementOf(slot, 'min_value');
  const max = requirementOf(slot, 'max_value');
  if (min !== undefined) out.push(['below minimum', min - 1]);
  if (max !== undefined) out.push(['above maximum', max + 1]);
  if (slot.actions.some((a) => a.type === 'integer')) out.push(['fraction', (min ?? 0) + 1.5]);
  return out;
};

const booleanMutations = (): Mutation[] => [
  ['string true', 'true'],
  ['string false', 'false'],
  ['one', 1],
  ['zero', 0],
  ['null', null],
  ['array', [true]],
  ['empty object', {}],
  ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]),
];

const literalMutations = (slot: Slot): Mutation[] => {
  const lit = slot.node.literal;
  return [
    ['opposite', typeof lit === 'boolean' ? !lit : null],
    ['string form', String(lit)],
    ['one', 1],
    ['null', null],
    ['array', [lit]],
    ['operator $ne', { $ne: false }],
  ];
};

const objectSlotMutations = (base: unknown): Mutation[] => [
  ['null', null],
  ['string', 'x'],
  ['number', 1],
  ['boolean', true],
  ['empty array', []],
  ['array of the valid value', [base]],
  ['JSON string of the valid value', JSON.stringify(base)],
  ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]),
  ['500-level object', deepObject(500)],
];

const arrayMutations = (slot: Slot, base: unknown): Mutation[] => {
  const first = Array.isArray(base) ? base[0] : undefined;
  const out: Mutation[] = [
    ['string', 'x'],
    ['number', 1],
    ['null', null],
    ['object', {}],
    ['object with numeric keys', { 0: first ?? 'x' }],
    ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v]),
    ['500-level array', deepArray(500)],
  ];
  const max = requirementOf(slot, 'max_length');
  if (max !== undefined && first !== undefined) out.push(['one item too many', Array.from({ length: max + 1 }, () => first)]);
  if (slot.node.item) {
    // Every bad value an item could take, as the only item.
    const item = slotOf(slot.node.item);
    out.push(...mutationsFor(item, first).map(([label, value]): Mutation => [`item ${label}`, [value]]));
  }
  return out;
};

const genericMutations = (): Mutation[] => [['null', null], ['500-level object', deepObject(500)], ...OPERATORS.map(([l, v]): Mutation => [`operator ${l}`, v])];

const mutationsFor = (slot: Slot, base: unknown): Mutation[] => mutationsOfKind(slot, base).filter(([, value]) => !(slot.nullable && value === null));

const mutationsOfKind = (slot: Slot, base: unknown): Mutation[] => {
  switch (slot.kind) {
    case 'text':
    case 'code':
    case 'opaque':
      return stringSlotMutations(slot, base);
    case 'enum':
      return enumMutations(slot);
    case 'number':
      return numberMutations(slot);
    case 'boolean':
      return booleanMutations();
    case 'literal':
      return literalMutations(slot);
    case 'object':
      return objectSlotMutations(base);
    case 'array':
      return arrayMutations(slot, base);
    default:
      return genericMutations();
  }
};

// ---- walking an input ----

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns a copy of `root` with the value at `path` replaced (or deleted when `value` is DELETE). */
const DELETE = Symbol('delete');
const setAt = (root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path;
  const copy: Record<string, unknown> = { ...root };
  if (!rest.length) {
    if (value === DELETE) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  copy[head] = setAt(isRecord(root[head]) ? root[head] : {}, rest, value);
  return copy;
};
const replaceObjectAt = (root: Record<string, unknown>, path: string[], make: (obj: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> => {
  if (!path.length) return make(root);
  const [head, ...rest] = path;
  return { ...root, [head]: replaceObjectAt(isRecord(root[head]) ? root[head] : {}, rest, make) };
};
const getAt = (root: Record<string, unknown>, path: string[]): unknown => path.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), root);

interface InputMutation {
  path: string;
  label: string;
  input: unknown;
}

const mutateObject = (schema: SchemaNode, root: Record<string, unknown>, path: string[], isRoot: boolean): InputMutation[] => {
  const out: InputMutation[] = [];
  const here = path.join('.') || '(root)';
  const entries = schema.entries ?? {};
  const current = getAt(root, path);
  const obj = isRecord(current) ? current : {};

  for (const [key, entry] of Object.entries(entries)) {
    const slot = slotOf(entry);
    const slotPath = [...path, key];
    const name = slotPath.join('.');
    if (!slot.optional) out.push({ path: name, label: 'missing required field', input: setAt(root, slotPath, DELETE) });
    for (const [label, value] of mutationsFor(slot, obj[key])) out.push({ path: name, label, input: setAt(root, slotPath, value) });
    if (slot.kind === 'object') out.push(...mutateObject(slot.node, isRecord(obj[key]) ? root : setAt(root, slotPath, {}), slotPath, false));
  }

  const extras = isRoot ? ROOT_EXTRAS : NESTED_EXTRAS;
  for (const [key, value] of extras) {
    if (key in entries) continue;
    out.push({ path: here, label: `extra field ${key}`, input: replaceObjectAt(root, path, (o) => ({ ...o, [key]: value })) });
  }
  for (const key of PROTO_KEYS) {
    out.push({ path: here, label: `own ${key} key (JSON.parse)`, input: replaceObjectAt(root, path, (o) => withOwnKey(o, key, { isAdmin: true, roles: ['admin'] })) });
  }
  out.push({ path: here, label: 'extra field with 500-level value', input: replaceObjectAt(root, path, (o) => ({ ...o, nested: deepObject(500) })) });
  return out;
};

const hasRequired = (schema: SchemaNode): boolean => Object.values(schema.entries ?? {}).some((e) => !slotOf(e).optional);

/** Non-object `input` values (an absent or null input means `{}`, so null only where `{}` is invalid). */
const envelopeInputs = (schema: SchemaNode, base: Record<string, unknown>): Array<[string, unknown]> => {
  const out: Array<[string, unknown]> = [
    ['array input', []],
    ['array of the valid input', [base]],
    ['string input', 'x'],
    ['JSON string input', JSON.stringify(base)],
    ['number input', 42],
    ['zero input', 0],
    ['boolean input', true],
    ['false input', false],
    ['500-level array input', deepArray(500)],
  ];
  if (hasRequired(schema)) out.push(['null input', null], ['empty object input', {}]);
  return out;
};

/** Whole envelopes the runner must answer with ACTION.UNKNOWN. */
const GLOBAL_ENVELOPES: Array<[string, unknown]> = [
  ['null envelope', null],
  ['undefined envelope', undefined],
  ['array envelope', ['lead.submit', {}]],
  ['string envelope', 'lead.submit'],
  ['number envelope', 42],
  ['boolean envelope', true],
  ['empty envelope', {}],
  ['blank action', { action: '', input: {} }],
  ['numeric action', { action: 1, input: {} }],
  ['null action', { action: null, input: {} }],
  ['operator action', { action: { $ne: null }, input: {} }],
  ['regex-like action', { action: 'lead.*', input: {} }],
  ['__proto__ action', { action: '__proto__', input: {} }],
  ['constructor action', { action: 'constructor', input: {} }],
  ['toString action', { action: 'toString', input: {} }],
  ['hasOwnProperty action', { action: 'hasOwnProperty', input: {} }],
  ['admin action', { action: 'admin.deleteAll', input: {} }],
  ['function name as action', { action: 'workspace', input: {} }],
  ['path-like action', { action: '../workspace/lead.detail', input: {} }],
  ['HTML action', { action: '<script>alert(1)</script>', input: {} }],
  ['SQL action', { action: "lead.detail' OR '1'='1", input: {} }],
  ['huge action', { action: HUGE, input: {} }],
  ['own __proto__ envelope', JSON.parse('{"__proto__": {"action": "lead.detail"}, "input": {}}')],
];

const actionNameVariants = (name: string): Array<[string, string | unknown]> => [
  ['upper-case action', name.toUpperCase()],
  ['padded action', ` ${name}`],
  ['action with trailing space', `${name} `],
  ['action with NUL', `${name}\u0000`],
  ['action with zero-width', name.replace('.', '.\u200B')],
  ['full-width dot', name.replace('.', '．')],
  ['array action', [name]],
  ['object action', { name }],
];

const CALLER_ROTATION: readonly Caller[] = ['anonymous', 'investorB', 'tech'];

/** The whole corpus. Most cases use the action's succeeding caller; every fifth one an outsider, too. */
export const buildBadInputCorpus = (fixture: CorpusFixture): BadCase[] => {
  const valid = VALID_REQUESTS(fixture);
  const cases: BadCase[] = [];
  for (const contract of CONTRACTS) {
    const row = valid[contract.name];
    if (!row) throw new Error(`no valid request for ${contract.name} in VALID_REQUESTS`);
    const schema = contract.request as unknown as SchemaNode;
    const inputs: Array<{ id: string; input: unknown }> = [
      ...mutateObject(schema, row.input, [], true).map((m) => ({ id: `${m.path} · ${m.label}`, input: m.input })),
      ...envelopeInputs(schema, row.input).map(([label, input]) => ({ id: label, input })),
    ];
    for (const { id, input } of inputs) {
      cases.push({ id: `${contract.name} · ${id}`, action: contract.name, caller: row.caller, envelope: { action: contract.name, input }, expectedCode: 'VALIDATION.INVALID_INPUT' });
    }
    for (const [label, action] of actionNameVariants(contract.name)) {
      cases.push({ id: `${contract.name} · ${label}`, action: contract.name, caller: row.caller, envelope: { action, input: row.input }, expectedCode: 'ACTION.UNKNOWN' });
    }
  }
  for (const [label, envelope] of GLOBAL_ENVELOPES) {
    cases.push({ id: `(envelope) · ${label}`, action: '(none)', caller: 'admin', envelope, expectedCode: 'ACTION.UNKNOWN' });
  }
  // The same bad requests from callers who could not succeed anyway: still a validation answer, still no write.
  const outsiders = cases
    .filter((_, i) => i % 5 === 0)
    .map((c, i): BadCase => {
      const caller = CALLER_ROTATION[i % CALLER_ROTATION.length];
      return { ...c, id: `${c.id} (as ${caller})`, caller };
    });
  return [...cases, ...outsiders];
};
