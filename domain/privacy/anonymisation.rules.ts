import type { Lead } from '../lead/lead.schema';

/** What a lead's personal fields become when they are erased: placeholders, never the data. */
export const ANONYMISED_NAME = '已匿名';
export const ERASED_TEXT = '（个人信息已删除）';

/**
 * The fields an erasure sets on a lead. The person (name, phone, email, WeChat ID), their message and the link to
 * their WeChat or browser identity go; what the statistics count stays: the lead, its stage, units, credit,
 * channel, need, facts, dates — so the report roll-ups do not move. The company name stays: an enterprise's
 * name is not personal information, and 首报 matching needs it.
 */
export const anonymisedLeadFields = (lead: Pick<Lead, 'contact' | 'submitter'>, at: string, reason: 'request' | 'retention'): Record<string, unknown> => ({
  contact: { name: ANONYMISED_NAME, company: lead.contact.company, phone: '' },
  message: '',
  submitter: { openid: null, key: lead.submitter.key },
  fingerprint: '',
  'privacy.anonymisedAt': at,
  'privacy.anonymisedFor': reason,
  updatedAt: at,
});

/** Event kinds whose text is the investor's or staff's free writing about them (replies, notes, calls). */
const FREE_TEXT_EVENTS = new Set(['created', 'note', 'reply', 'call_logged', 'assigned', 'status_changed']);

/** What one event of the lead's thread becomes: free text erased, the investor's name in `created` too. */
export const anonymisedEventFields = (event: { type: string; text?: string; actor: { kind: string } }): Record<string, unknown> | null => {
  const set: Record<string, unknown> = {};
  if (event.text && FREE_TEXT_EVENTS.has(event.type)) set.text = ERASED_TEXT;
  if (event.actor.kind === 'investor') set['actor.name'] = '投资者';
  return Object.keys(set).length > 0 ? set : null;
};

export const isAnonymised = (lead: Pick<Lead, 'privacy'>): boolean => !!lead.privacy?.anonymisedAt;
export const hasWithdrawnConsent = (lead: Pick<Lead, 'privacy'>): boolean => !!lead.privacy?.consentWithdrawnAt;
/** Nobody may contact the investor of this lead any more: consent withdrawn, or the contact erased. */
export const contactStopped = (lead: Pick<Lead, 'privacy'>): boolean => hasWithdrawnConsent(lead) || isAnonymised(lead);

/** A withdrawn lead never climbs the SLA ladder again: its next rung is "never" (the timer reads due leads only). */
export const NEVER_DUE = '9999-12-31T23:59:59.999Z';
