import type { RequestOf } from '../../../domain/api/contract';
import { IDEMPOTENCY_KEY_PATTERN, type submitLeadContract } from '../../../domain/api/lead.contracts';
import { CARRIER_TYPE_LABELS, CARRIER_TYPES, type CarrierType } from '../../../domain/carrier/carrier.schema';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { INVESTMENT_SCALE_LABELS, INVESTMENT_SCALES, SHARE_CHANNELS, type ShareChannel } from '../../../domain/lead/lead.schema';
import { normalizePhone } from '../../../domain/lead/phone.rules';
import { SHARE_CODE_PATTERN } from '../../../domain/share/share-code.rules';
import type { ApiError } from '../../services/api-client';

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

export const SCALE_OPTIONS = INVESTMENT_SCALES.map((value) => ({ value, label: INVESTMENT_SCALE_LABELS[value] }));
export const CARRIER_TYPE_OPTIONS = CARRIER_TYPES.map((value) => ({ value, label: CARRIER_TYPE_LABELS[value] }));
export const TIMING_OPTIONS = ['3 个月内', '6 个月内', '1 年内', '1 年以上', '暂未确定'].map((value) => ({ value, label: value }));

export const MESSAGE_MAX = 500;
const AREA_MAX = 10_000_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WECHAT_ID = /^[A-Za-z0-9_-]+$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const PHONE_INVALID_MESSAGE = '请填写正确的手机号或固定电话，如 138 0013 8000 或 025-8468 1234';

/** Shown when the backend names a field without saying more (a generic validation refusal). */
const FIELD_MESSAGES: Record<LeadFormField, string> = {
  name: '请填写姓名（不超过 20 个字）',
  company: '单位名称不能超过 60 个字',
  phone: ERROR_MESSAGES['LEAD.INVALID_PHONE'],
  email: '邮箱格式不正确',
  wechatId: '微信号只能包含字母、数字、下划线和减号，不超过 40 位',
  industry: '请填写意向行业（不超过 20 个字）',
  scale: '请选择投资规模',
  carrierType: '请重新选择载体类型',
  area: '面积请填写 0–1000 万之间的数字，且最小不大于最大',
  timing: '请重新选择计划落地时间',
  message: `留言不能超过 ${MESSAGE_MAX} 个字，且不能包含特殊控制字符`,
  consent: ERROR_MESSAGES['LEAD.CONSENT_REQUIRED'],
};

const len = (s: string): number => s.trim().length;

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
  return n <= AREA_MAX ? n : Number.NaN;
};

/** The checks a person can fix before anything is sent; the backend repeats them as the authority. */
export const validateLeadForm = (values: LeadFormValues, consent: boolean): FieldErrors => {
  const errors: FieldErrors = {};
  if (!len(values.name)) errors.name = '请填写您的姓名';
  else if (len(values.name) > 20) errors.name = '姓名不能超过 20 个字';
  if (len(values.company) > 60) errors.company = FIELD_MESSAGES.company;
  if (!values.phone.trim()) errors.phone = '请填写联系电话';
  else if (previewPhone(values.phone).state !== 'valid') errors.phone = PHONE_INVALID_MESSAGE;
  if (values.email.trim() && (!EMAIL.test(values.email.trim()) || len(values.email) > 80)) errors.email = FIELD_MESSAGES.email;
  if (values.wechatId.trim() && (!WECHAT_ID.test(values.wechatId.trim()) || len(values.wechatId) > 40)) errors.wechatId = FIELD_MESSAGES.wechatId;
  if (!len(values.industry)) errors.industry = '请填写意向行业';
  else if (len(values.industry) > 20) errors.industry = FIELD_MESSAGES.industry;
  if (!values.scale) errors.scale = FIELD_MESSAGES.scale;
  const min = parseArea(values.areaMin);
  const max = parseArea(values.areaMax);
  if (Number.isNaN(min) || Number.isNaN(max)) errors.area = '面积请填写数字（单位：㎡），最大 1000 万';
  else if (min !== undefined && max !== undefined && min > max) errors.area = '最小面积不能大于最大面积';
  if (len(values.message) > MESSAGE_MAX) errors.message = `留言不能超过 ${MESSAGE_MAX} 个字`;
  if (!consent) errors.consent = FIELD_MESSAGES.consent;
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
export const fieldErrorsFrom = (error: ApiError): FieldErrors => {
  const out: FieldErrors = {};
  const specific = error.code === 'LEAD.INVALID_PHONE' || error.code === 'CONTENT.REJECTED' || error.code === 'LEAD.CONSENT_REQUIRED';
  for (const path of error.fields ?? []) {
    const field = fieldForPath(path);
    if (field && !out[field]) out[field] = specific ? error.message : FIELD_MESSAGES[field];
  }
  if (error.code === 'LEAD.INVALID_PHONE' && !out.phone) out.phone = error.message;
  if (error.code === 'LEAD.CONSENT_REQUIRED' && !out.consent) out.consent = error.message;
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
  if (ID.test(cardId)) source.cardId = cardId;
  const shareCode = decode(entry.s);
  if (SHARE_CODE_PATTERN.test(shareCode)) source.shareCode = shareCode;
  const carrierId = decode(entry.carrierId);
  if (ID.test(carrierId)) source.carrierId = carrierId;
  return source;
};

const optional = (s: string): string | undefined => (s.trim() ? s.trim() : undefined);

/** The request for `lead.submit`. The phone goes as typed: the backend normalises it with the same rule. */
export const toSubmission = (values: LeadFormValues, source: LeadSource, idempotencyKey: string, noticeVersion: string): LeadSubmissionInput => {
  const need: LeadSubmissionInput['need'] = { industry: values.industry.trim(), scale: values.scale as InvestmentScale };
  if (values.carrierType) need.carrierType = values.carrierType;
  const areaMin = parseArea(values.areaMin);
  const areaMax = parseArea(values.areaMax);
  if (areaMin !== undefined) need.areaMin = areaMin;
  if (areaMax !== undefined) need.areaMax = areaMax;
  const timing = optional(values.timing);
  if (timing) need.timing = timing;
  const contact: LeadSubmissionInput['contact'] = { name: values.name.trim(), company: values.company.trim(), phone: values.phone.trim() };
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
    website: values.website,
  };
};

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * One key per form fill (24 characters, ~143 bits): every resend of this fill carries it, so double taps and
 * retries after a lost answer land on the same lead. Uses the platform's CSPRNG where there is one.
 */
export const newIdempotencyKey = (): string => {
  const bytes = new Uint8Array(24);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  let key = '';
  for (const b of bytes) key += KEY_ALPHABET[b % KEY_ALPHABET.length];
  return IDEMPOTENCY_KEY_PATTERN.test(key) ? key : newIdempotencyKey();
};

/** Subscribe-message template ids for "your inquiry was answered", from TARO_APP_TEMPLATE_LEAD_REPLY (comma-separated). */
export const leadReplyTemplateIds = (): string[] => {
  let raw = '';
  try {
    // Inlined at build time when defined; where it is not, `process` may not exist on the device at all.
    raw = process.env.TARO_APP_TEMPLATE_LEAD_REPLY ?? '';
  } catch {
    raw = '';
  }
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_-]{8,64}$/.test(s))
    .slice(0, 3);
};
