import * as v from 'valibot';
import { zhInquiryText } from '../../i18n/use-inquiry-text';
import type { RequestOf } from '../../../domain/api/contract';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { IDEMPOTENCY_KEY_PATTERN, LEAD_AREA_MAX, LEAD_MESSAGE_MAX, LeadSubmissionSchema, type submitLeadContract } from '../../../domain/api/lead.contracts';
import { CARRIER_TYPES, type CarrierType } from '../../../domain/carrier/carrier.schema';
import { isId } from '../../../domain/common/text';
import { isAreaRangeOrdered } from '../../../domain/lead/lead-need.rules';
import { hasWayToReach } from '../../../domain/lead/contact.rules';
import { INVESTMENT_SCALES, SHARE_CHANNELS, type ShareChannel } from '../../../domain/lead/lead.schema';
import { normalizePhone } from '../../../domain/lead/phone.rules';
import { SHARE_CODE_PATTERN } from '../../../domain/share/share-code.rules';
import { buildSetting, templateIdsFrom } from '../../platform/subscribe-templates';
import type { ApiError } from '../../services/api-client';
import type { InquiryText, Language } from '../../i18n/dictionary';
import { carrierTypeText } from '../../i18n/carrier-text';

export type InvestmentScale = (typeof INVESTMENT_SCALES)[number];
export type LeadSubmissionInput = RequestOf<typeof submitLeadContract>;

/** What the investor types, as typed: strings until submission. */
export interface LeadFormValues {
  name: string;
  company: string;
  phone: string;
  email: string;
  wechatId: string;
  industry: string;
  scale: InvestmentScale | '';
  carrierType: CarrierType | '';
  areaMin: string;
  areaMax: string;
  timing: string;
  message: string;
  /** Honeypot: people never see it; whatever a bot puts here is sent, and the backend drops the inquiry. */
  website: string;
}

export type LeadFormField = 'name' | 'company' | 'phone' | 'email' | 'wechatId' | 'industry' | 'scale' | 'carrierType' | 'area' | 'timing' | 'message' | 'consent';
export type FieldErrors = Partial<Record<LeadFormField, string>>;

export const emptyLeadForm = (): LeadFormValues => ({
  name: '',
  company: '',
  phone: '',
  email: '',
  wechatId: '',
  industry: '',
  scale: '',
  carrierType: '',
  areaMin: '',
  areaMax: '',
  timing: '',
  message: '',
  website: '',
});

const scaleLabel = (t: InquiryText, scale: InvestmentScale): string =>
  ({
    under_10m: t.scaleUnder10m,
    '10m_50m': t.scale10mTo50m,
    '50m_100m': t.scale50mTo100m,
    '100m_500m': t.scale100mTo500m,
    over_500m: t.scaleOver500m,
    undecided: t.scaleUndecided,
  })[scale];

export const scaleOptions = (t: InquiryText = zhInquiryText) => INVESTMENT_SCALES.map((value) => ({ value, label: scaleLabel(t, value) }));
export const carrierTypeOptions = (t: InquiryText = zhInquiryText) => CARRIER_TYPES.map((value) => ({ value, label: carrierTypeText(t, value) }));
/** The planned start is stored as the Chinese words staff read; an English page shows its own label for each. */
export const timingOptions = (t: InquiryText = zhInquiryText) =>
  (
    [
      ['3 个月内', t.timing3Months],
      ['6 个月内', t.timing6Months],
      ['1 年内', t.timing1Year],
      ['1 年以上', t.timingOver1Year],
      ['暂未确定', t.timingUndecided],
    ] as const
  ).map(([value, label]) => ({ value, label }));
export const SCALE_OPTIONS = scaleOptions();
export const CARRIER_TYPE_OPTIONS = carrierTypeOptions();
export const TIMING_OPTIONS = timingOptions();

export const MESSAGE_MAX = LEAD_MESSAGE_MAX;
const AREA_MAX_WAN = LEAD_AREA_MAX / 10_000;

export const PHONE_INVALID_MESSAGE = zhInquiryText.phoneInvalid;

/** Shown when the backend names a field without saying more (a generic validation refusal). */
const fieldMessages = (t: InquiryText): Record<LeadFormField, string> => ({
  name: t.fieldName,
  company: t.fieldCompany,
  phone: t.errorMessage('LEAD.INVALID_PHONE', '请填写正确的手机号或固定电话'),
  email: t.fieldEmail,
  wechatId: t.fieldWechat,
  industry: t.fieldIndustry,
  scale: t.fieldScale,
  carrierType: t.fieldCarrierType,
  area: t.fieldArea(AREA_MAX_WAN),
  timing: t.fieldTiming,
  message: t.fieldMessage(MESSAGE_MAX),
  consent: t.errorMessage('LEAD.CONSENT_REQUIRED', '请先阅读并同意《个人信息保护说明》'),
});

export type PhonePreview = { state: 'empty' } | { state: 'valid'; normalized: string } | { state: 'invalid' };

/** The number as it will be stored (domain `normalizePhone`), shown while typing. */
export const previewPhone = (raw: string): PhonePreview => {
  if (!raw.trim()) return { state: 'empty' };
  const normalized = normalizePhone(raw);
  return normalized ? { state: 'valid', normalized } : { state: 'invalid' };
};

/** "" → undefined; anything else must be a number in range, else NaN. */
export const parseArea = (raw: string): number | undefined => {
  const s = raw.normalize('NFKC').replace(/[,，\s]/g, '');
  if (!s) return undefined;
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  const n = Number(s);
  return n <= LEAD_AREA_MAX ? n : Number.NaN;
};

/** What a field is called in a message built from the contract's own («不能超过 20 个字» → «姓名不能超过 20 个字»). */
const FIELD_LABELS: Record<LeadFormField, string> = {
  name: '姓名',
  company: '单位名称',
  phone: '联系电话',
  email: '邮箱',
  wechatId: '微信号',
  industry: '意向行业',
  scale: '投资规模',
  carrierType: '载体类型',
  area: '面积',
  timing: '计划落地时间',
  message: '留言',
  consent: '个人信息保护说明',
};

/** Left empty where the contract requires it: asked for, not refused. */
const requiredMessages = (t: InquiryText): Partial<Record<LeadFormField, string>> => ({
  name: t.requiredName,
  industry: t.requiredIndustry,
  scale: t.fieldScale,
});

/** A valid stand-in for what the form does not type itself, so only the typed fields can fail the schema. */
const PROBE_KEY = 'A'.repeat(24);
const PROBE_NOTICE = 'v';

const CHINESE = /[\u4e00-\u9fff]/;

const messageFor = (field: LeadFormField, issue: { type: string; message: string }, empty: boolean, t: InquiryText): string => {
  const required = requiredMessages(t);
  if (empty && required[field]) return required[field] as string;
  if (field === 'area') return t.fieldAreaNumber(AREA_MAX_WAN);
  if (field === 'phone') return t.phoneInvalid;
  // Choices, a too-short value, the schema's unworded early bounds — and every field on a page that is not
  // Chinese, where the contract's Chinese words would not do — get the field's own sentence.
  if (field === 'scale' || field === 'carrierType' || field === 'timing' || issue.type === 'min_length' || !CHINESE.test(issue.message) || t !== zhInquiryText) return fieldMessages(t)[field];
  const label = FIELD_LABELS[field];
  const issueMessage = issue.message;
  // The contract's own words: whole sentences («邮箱格式不正确») as they are, fragments («不能超过 20 个字») after the field's name.
  return issueMessage.startsWith(label) ? issueMessage : `${label}${issueMessage}`;
};

const typedValue = (values: LeadFormValues, field: LeadFormField): string => {
  if (field === 'area') return `${values.areaMin}${values.areaMax}`;
  if (field === 'consent') return '';
  return String(values[field]);
};

/**
 * The checks a person can fix before anything is sent: the request the form would send, run through the same
 * schema the backend validates with (`LeadSubmissionSchema`), plus the same domain rules it applies after
 * (phone numbers, the area range); each problem is shown under its field. The backend repeats all of it as the
 * authority.
 */
export const validateLeadForm = (values: LeadFormValues, consent: boolean, t: InquiryText = zhInquiryText): FieldErrors => {
  const errors: FieldErrors = {};
  const draft = toSubmission(values, { channel: 'direct' }, PROBE_KEY, PROBE_NOTICE);
  const parsed = v.safeParse(LeadSubmissionSchema, draft, { abortPipeEarly: true });
  for (const issue of parsed.issues ?? []) {
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const field = fieldForPath(path);
    if (!field || errors[field]) continue;
    errors[field] = messageFor(field, issue, !typedValue(values, field).trim(), t);
  }
  if (!errors.phone && values.phone.trim() && !normalizePhone(values.phone)) errors.phone = t.phoneInvalid;
  // At least one way to reach the investor (the domain rule the backend applies): a phone, an email or a WeChat ID.
  if (!errors.phone && !hasWayToReach(values)) errors.phone = t.contactRequired;
  if (!errors.area && !isAreaRangeOrdered(draft.need.areaMin, draft.need.areaMax)) errors.area = t.fieldAreaOrder;
  if (!consent) errors.consent = fieldMessages(t).consent;
  return errors;
};

/** Maps a backend field path (`contact.phone`, `need.areaMax`, …) to the form field showing it. */
export const fieldForPath = (path: string): LeadFormField | null => {
  const [head, tail] = path.split('.');
  if (head === 'contact') return (['name', 'company', 'phone', 'email', 'wechatId'] as const).find((f) => f === tail) ?? null;
  if (head === 'need') {
    if (tail === 'areaMin' || tail === 'areaMax') return 'area';
    return (['industry', 'scale', 'carrierType', 'timing'] as const).find((f) => f === tail) ?? null;
  }
  if (head === 'message') return 'message';
  if (head === 'consent') return 'consent';
  return null;
};

/** Per-field messages for a refused submission: the error's own message where it is about one field. */
export const fieldErrorsFrom = (error: ApiError, t: InquiryText = zhInquiryText): FieldErrors => {
  const out: FieldErrors = {};
  const specific = error.code === 'LEAD.INVALID_PHONE' || error.code === 'LEAD.CONTACT_REQUIRED' || error.code === 'CONTENT.REJECTED' || error.code === 'LEAD.CONSENT_REQUIRED';
  const message = t.errorMessage(error.code, error.message);
  const messages = fieldMessages(t);
  for (const path of error.fields ?? []) {
    const field = fieldForPath(path);
    if (field && !out[field]) out[field] = specific ? message : messages[field];
  }
  if ((error.code === 'LEAD.INVALID_PHONE' || error.code === 'LEAD.CONTACT_REQUIRED') && !out.phone) out.phone = message;
  if (error.code === 'LEAD.CONSENT_REQUIRED' && !out.consent) out.consent = message;
  return out;
};

export interface LeadFormEntry {
  cardId?: string;
  s?: string;
  carrierId?: string;
  channel?: string;
}

export type LeadSource = LeadSubmissionInput['source'];

const decode = (s: string | undefined): string => {
  if (!s) return '';
  try {
    return decodeURIComponent(s).trim();
  } catch {
    return s.trim();
  }
};

/** The source attached to the inquiry, from the page query; anything malformed is left out. */
export const sourceFromEntry = (entry: LeadFormEntry, fallbackChannel: ShareChannel): LeadSource => {
  const channel = decode(entry.channel);
  const source: LeadSource = { channel: (SHARE_CHANNELS as readonly string[]).includes(channel) ? (channel as ShareChannel) : fallbackChannel };
  const cardId = decode(entry.cardId);
  if (isId(cardId)) source.cardId = cardId;
  const shareCode = decode(entry.s);
  if (SHARE_CODE_PATTERN.test(shareCode)) source.shareCode = shareCode;
  const carrierId = decode(entry.carrierId);
  if (isId(carrierId)) source.carrierId = carrierId;
  return source;
};

const optional = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The request for `lead.submit`. The phone goes as typed: the backend normalises it with the same rule. */
export const toSubmission = (values: LeadFormValues, source: LeadSource, idempotencyKey: string, noticeVersion: string, lang: Language = 'zh'): LeadSubmissionInput => {
  const need: LeadSubmissionInput['need'] = { industry: values.industry.trim(), scale: values.scale as InvestmentScale };
  if (values.carrierType) need.carrierType = values.carrierType;
  const areaMin = parseArea(values.areaMin);
  const areaMax = parseArea(values.areaMax);
  if (areaMin !== undefined) need.areaMin = areaMin;
  if (areaMax !== undefined) need.areaMax = areaMax;
  const timing = optional(values.timing);
  if (timing) need.timing = timing;
  const contact: LeadSubmissionInput['contact'] = { name: values.name.trim(), company: values.company.trim() };
  // No phone at all when the investor left an email or WeChat ID instead.
  const phone = optional(values.phone);
  if (phone) contact.phone = phone;
  const email = optional(values.email);
  if (email) contact.email = email;
  const wechatId = optional(values.wechatId);
  if (wechatId) contact.wechatId = wechatId;
  return {
    idempotencyKey,
    contact,
    need,
    message: values.message.trim(),
    source,
    consent: { agreed: true, noticeVersion },
    // Only English is said: a Chinese page sends what it always sent.
    ...(lang === 'en' ? { lang } : {}),
    website: values.website,
  };
};

export { newIdempotencyKey };

/** Subscribe-message template ids for "your inquiry was answered", from TARO_APP_TEMPLATE_LEAD_REPLY (comma-separated). */
export const leadReplyTemplateIds = (): string[] => templateIdsFrom(buildSetting(() => process.env.TARO_APP_TEMPLATE_LEAD_REPLY));

/** One form fill as kept on the device: what was typed and the fill's idempotency key (never the consent). */
export interface LeadFill {
  key: string;
  values: LeadFormValues;
}

export const newLeadFill = (): LeadFill => ({ key: newIdempotencyKey(), values: emptyLeadForm() });

/** Nothing typed yet: no draft worth keeping. */
export const isBlankFill = (fill: LeadFill): boolean =>
  (Object.keys(fill.values) as (keyof LeadFormValues)[]).every((k) => k === 'website' || !fill.values[k].trim());

/** What is stored: the honeypot stays out, so a bot's entry is never replayed as a person's. */
export const storedFill = (fill: LeadFill): LeadFill => ({ key: fill.key, values: { ...fill.values, website: '' } });

const DRAFT_TEXT_MAX = 2000;

/**
 * A stored draft back as a fill, or null. Keeping the key means a resubmission after a reload lands on the same
 * lead if the first one did arrive (the answer was lost), instead of creating a second one.
 */
export const parseLeadFill = (raw: unknown): LeadFill | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const { key, values } = raw as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key) || typeof values !== 'object' || values === null) return null;
  const typed = values as Record<string, unknown>;
  const out = emptyLeadForm();
  for (const field of Object.keys(out) as (keyof LeadFormValues)[]) {
    const value = typed[field];
    if (field !== 'website' && typeof value === 'string') (out as unknown as Record<string, string>)[field] = value.slice(0, DRAFT_TEXT_MAX);
  }
  if (!(INVESTMENT_SCALES as readonly string[]).includes(out.scale)) out.scale = '';
  if (!(CARRIER_TYPES as readonly string[]).includes(out.carrierType)) out.carrierType = '';
  return { key, values: out };
};

/** One draft per place the form was opened from (a carrier's form keeps its own). */
export const leadFormDraftKey = (source: LeadSource): string => `lead-form:${source.carrierId ?? source.cardId ?? source.shareCode ?? 'direct'}`;
