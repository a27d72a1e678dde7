import type { AdminAuditEntry } from '../../domain/audit/audit.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import type { Staff } from '../../domain/org/staff.schema';
import { hasWithdrawnConsent, isAnonymised } from '../../domain/privacy/anonymisation.rules';
import type { Deps, OutgoingMessage } from './deps';
import { newId } from './ids';
import { COLLECTIONS } from './store/collections';
import type { DocumentStore } from './store/store-port';

export interface OutboxEntry {
  _id: string;
  message: OutgoingMessage;
  leadId: string | null;
  /** dropped: never to be sent (the investor withdrew consent or had their data erased before a retry). */
  status: 'pending' | 'sent' | 'failed' | 'no_recipient' | 'dropped';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  [k: string]: unknown;
}

const OUTBOX = COLLECTIONS.outbox.name;
export const MAX_ATTEMPTS = 5;

/** Failed notifications still worth another try, oldest first. */
export const findRetryableNotifications = (store: DocumentStore, limit: number) =>
  store.find<OutboxEntry>(OUTBOX, { where: { status: 'failed', attempts: { lt: MAX_ATTEMPTS } }, orderBy: [{ field: 'createdAt', direction: 'asc' }], limit });

/** Kinds that go to the investor who sent the lead (and so stop when they withdraw consent or are erased). */
const INVESTOR_KINDS: ReadonlySet<OutgoingMessage['kind']> = new Set(['lead_reply']);

/**
 * Why a recorded notification must not be (re)sent any more: it is addressed to the investor of a lead whose
 * consent was withdrawn or whose personal data were erased, else null. `lead` is the lead as read now (leads are
 * never removed: erasure anonymises them in place).
 */
export const investorContactStopped = (entry: OutboxEntry, lead: Pick<Lead, 'privacy'>): 'consent_withdrawn' | 'erased' | null => {
  if (!INVESTOR_KINDS.has(entry.message.kind)) return null;
  if (isAnonymised(lead)) return 'erased';
  return hasWithdrawnConsent(lead) ? 'consent_withdrawn' : null;
};

/**
 * Drops a failed notification for good, with its audit line, atomically: status `dropped`, the recipient and the
 * message text erased (they are the investor's personal data). False when it is no longer a failed entry (a
 * concurrent retry sent it, or it was dropped already): nothing written.
 */
export const dropNotification = (store: DocumentStore, entryId: string, reason: 'consent_withdrawn' | 'erased', at: string, audit: AdminAuditEntry): Promise<boolean> =>
  store.transaction(async (tx) => {
    const current = await tx.get<OutboxEntry>(OUTBOX, entryId);
    if (!current || current.status !== 'failed') return false;
    await tx.update(OUTBOX, entryId, { set: { status: 'dropped', lastError: reason, updatedAt: at, 'message.toOpenid': '', 'message.fields': {} } });
    await tx.insert(COLLECTIONS.audit.name, audit);
    return true;
  });

/** The latest messages recorded for one recipient (the local cloud's persona UI shows them as a phone would). */
export const listOutboxFor = (store: DocumentStore, toOpenid: string, limit: number) =>
  store.find<OutboxEntry>(OUTBOX, { where: { 'message.toOpenid': toOpenid }, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit });

/** Tries one delivery and records the outcome; never throws (a lead must not depend on a notification). */
export const deliver = async (deps: Deps, entry: OutboxEntry): Promise<OutboxEntry['status']> => {
  const now = deps.clock().toISOString();
  let result: { ok: true } | { ok: false; code: string };
  try {
    result = await deps.notifier.send(entry.message);
  } catch (error) {
    result = { ok: false, code: error instanceof Error ? error.name : 'unknown' };
  }
  const status = result.ok ? 'sent' : 'failed';
  try {
    await deps.store.update(OUTBOX, entry._id, {
      set: { status, lastError: result.ok ? null : result.code, updatedAt: now },
      inc: { attempts: 1 },
    });
  } catch (error) {
    deps.log.error('outbox.record_failed', { id: entry._id, error: error instanceof Error ? error.message : 'unknown' });
  }
  if (!result.ok) deps.log.error('notify.failed', { kind: entry.message.kind, code: result.code, id: entry._id });
  return status;
};

/**
 * Records one notification in the outbox first, then tries to send it. Failures stay in the outbox with their
 * error code (the SLA timer retries them); a recipient without a bound WeChat identity is recorded as such.
 */
const newEntry = (deps: Deps, toOpenid: string | null, message: Omit<OutgoingMessage, 'toOpenid'>, leadId: string | null): OutboxEntry => {
  const now = deps.clock();
  return {
    _id: newId('ntf', now, deps.randomBytes),
    message: { ...message, toOpenid: toOpenid ?? '' },
    leadId,
    status: toOpenid ? 'pending' : 'no_recipient',
    attempts: 0,
    lastError: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
};

const enqueue = async (deps: Deps, toOpenid: string | null, message: Omit<OutgoingMessage, 'toOpenid'>, leadId: string | null): Promise<void> => {
  const entry = newEntry(deps, toOpenid, message, leadId);
  try {
    await deps.store.insert(OUTBOX, entry);
    if (entry.status === 'pending') await deliver(deps, entry);
  } catch (error) {
    deps.log.error('outbox.enqueue_failed', { leadId, error: error instanceof Error ? error.message : 'unknown' });
  }
};

/** Each distinct staff member once, whatever role brought them onto the list. */
export const notifyStaff = async (
  deps: Deps,
  recipients: readonly (Staff | null)[],
  build: (staff: Staff) => Omit<OutgoingMessage, 'toOpenid'>,
  leadId: string | null,
): Promise<void> => {
  const seen = new Set<string>();
  for (const staff of recipients) {
    if (!staff || seen.has(staff._id)) continue;
    seen.add(staff._id);
    await enqueue(deps, staff.openid, build(staff), leadId);
  }
};

/**
 * The outbox entries `notifyStaff` would record, for a caller that writes them itself (in the same transaction
 * as the lead they announce) and then hands them to `deliverRecorded`.
 */
export const staffOutboxEntries = (
  deps: Deps,
  recipients: readonly (Staff | null)[],
  build: (staff: Staff) => Omit<OutgoingMessage, 'toOpenid'>,
  leadId: string | null,
): OutboxEntry[] => {
  const seen = new Set<string>();
  const entries: OutboxEntry[] = [];
  for (const staff of recipients) {
    if (!staff || seen.has(staff._id)) continue;
    seen.add(staff._id);
    entries.push(newEntry(deps, staff.openid, build(staff), leadId));
  }
  return entries;
};

/** Sends recorded entries that have a recipient, all at once; never throws (see deliver). */
export const deliverRecorded = async (deps: Deps, entries: readonly OutboxEntry[]): Promise<void> => {
  await Promise.all(entries.filter((e) => e.status === 'pending').map((e) => deliver(deps, e)));
};

export const OUTBOX_COLLECTION = OUTBOX;

/** Investors without an identity (web visitors) cannot be messaged: nothing is recorded for them. */
export const notifyInvestor = async (deps: Deps, openid: string | null, message: Omit<OutgoingMessage, 'toOpenid'>, leadId: string): Promise<void> => {
  if (openid) await enqueue(deps, openid, message, leadId);
};
