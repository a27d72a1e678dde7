import * as v from 'valibot';
import { EventInquirySchema, type EventInquiry } from '../../../../domain/api/event.contracts';
import { normalizePhone } from '../../../../domain/lead/phone.rules';

/** What the commissioner types with the investor: the short form of event mode. */
export interface EventInquiryValues {
  company: string;
  name: string;
  phone: string;
  industry: string;
  need: string;
}

export type EventInquiryErrors = Partial<Record<keyof EventInquiryValues | 'consent', string>>;

export const emptyEventInquiry = (): EventInquiryValues => ({ company: '', name: '', phone: '', industry: '', need: '' });

const MESSAGES: Record<keyof EventInquiryErrors, string> = {
  company: '单位名称不超过 60 字',
  name: '请填写姓名（20 字以内）',
  phone: '请填写正确的手机号或固定电话',
  industry: '请填写意向产业（20 字以内）',
  need: '需求不超过 500 字',
  consent: '请投资者阅读个人信息保护说明并勾选同意',
};

const FIELD_OF: Record<string, keyof EventInquiryErrors> = { company: 'company', name: 'name', phone: 'phone', industry: 'industry', message: 'need', consent: 'consent' };

/**
 * The request this form becomes, checked by the contract's own schema and the domain's phone rule before it is
 * queued: a queued inquiry is one the server will accept, whenever it gets there.
 */
export const toEventInquiry = (
  values: EventInquiryValues,
  ids: { eventId: string; key: string; noticeVersion: string },
  consent: boolean,
): { ok: true; input: EventInquiry } | { ok: false; errors: EventInquiryErrors } => {
  const candidate = {
    eventId: ids.eventId,
    idempotencyKey: ids.key,
    contact: { name: values.name.trim(), company: values.company.trim(), phone: values.phone.trim() },
    need: { industry: values.industry.trim(), scale: 'undecided' },
    message: values.need.trim(),
    consent: { agreed: consent, noticeVersion: ids.noticeVersion },
  };
  const errors: EventInquiryErrors = {};
  const r = v.safeParse(EventInquirySchema, candidate);
  if (!r.success) {
    for (const issue of r.issues) {
      const path = issue.path?.map((p) => String(p.key)) ?? [];
      const field = FIELD_OF[path[path.length - 1] ?? ''] ?? FIELD_OF[path[0] ?? ''];
      if (field) errors[field] = MESSAGES[field];
    }
  }
  if (!normalizePhone(candidate.contact.phone)) errors.phone = MESSAGES.phone;
  if (!consent) errors.consent = MESSAGES.consent;
  if (Object.keys(errors).length || !r.success) return { ok: false, errors: Object.keys(errors).length ? errors : { need: '内容格式不正确，请检查后重试' } };
  return { ok: true, input: r.output };
};

/** What a queued item stored on the device turns back into; anything else is not sent. */
export const parseQueuedInquiry = (raw: unknown): EventInquiry | null => {
  const r = v.safeParse(EventInquirySchema, raw);
  return r.success ? r.output : null;
};

/** The queue list's line: who, from which company (never the phone). */
export const queueLabel = (values: EventInquiryValues): string => [values.name.trim(), values.company.trim()].filter(Boolean).join(' · ');

export const parseEventInquiryValues = (raw: unknown): EventInquiryValues | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const keys: Array<keyof EventInquiryValues> = ['company', 'name', 'phone', 'industry', 'need'];
  if (!keys.every((k) => typeof r[k] === 'string')) return null;
  return { company: r.company as string, name: r.name as string, phone: r.phone as string, industry: r.industry as string, need: r.need as string };
};

export const isBlankInquiry = (values: EventInquiryValues): boolean => Object.values(values).every((x) => x.trim() === '');
