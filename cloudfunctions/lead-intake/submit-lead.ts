import * as v from 'valibot';
import { submitLeadContract, type LeadSubmission } from '../../domain/api/lead.contracts';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { fingerprint } from '../../domain/common/fingerprint';
import { DomainError } from '../../domain/common/result';
import { LeadSchema, type Lead, type LeadSourceSchema } from '../../domain/lead/lead.schema';
import { contactKeyOf, hasWayToReach } from '../../domain/lead/contact.rules';
import { normalizePhone } from '../../domain/lead/phone.rules';
import { routeLead } from '../../domain/lead/routing.rules';
import { firstResponseDeadline } from '../../domain/lead/sla.rules';
import { DEFAULT_SLA, type District } from '../../domain/org/district.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { Unit } from '../../domain/org/unit.schema';
import { buildShareChain, creditFromChain } from '../../domain/share/share-chain.rules';
import type { Share } from '../../domain/share/share.schema';
import { defineAction, type ActionContext } from '../_lib/define-action';
import { DEFAULT_WEB_LIMITS, type Deps, type IntakeLimits } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { deliverRecorded, OUTBOX_COLLECTION, staffOutboxEntries, type OutboxEntry } from '../_lib/notifications';
import { applyRate, prepareRate } from '../_lib/rate-limit';
import { getCard } from '../_lib/repositories/card.repository';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getLead, insertLeadEvent, leadIdForKey, LEADS_COLLECTION } from '../_lib/repositories/lead.repository';
import { firstDistrict, getDistrict, getUnit, listUnits } from '../_lib/repositories/org.repository';
import { getShare, getSharesByCodes } from '../_lib/repositories/share.repository';
import { getStaff, listAllDistrictStaff } from '../_lib/repositories/staff.repository';
import { getDutyDay } from '../_lib/repositories/duty-rota.repository';
import { chinaDay, onDutyStaffIdFor } from '../../domain/org/duty-rota.rules';
import { insertLeadClaim, isChallengeUsed, recordUsedChallenge } from '../_lib/repositories/lead-claim.repository';
import { isStoreError, type TransactionStore } from '../_lib/store/store-port';
import { claimCodeForLead, claimDocumentId, verifySolvedChallenge } from '../_lib/web-visitor';
import { WEB_CHALLENGE_BITS } from '../../domain/lead/web-challenge.rules';
import { callerKey } from './issue-challenge';
import { readRollupRows, rollupDeltaOf, writeRollupDelta } from '../_lib/repositories/rollup.repository';
import { countCardLead, readCardLeadRows } from '../_lib/repositories/view-count.repository';
import { addParticipant } from '../../domain/lead/lead-participant.rules';
import { canActOnLead } from '../_lib/lead-access';
import { participantAddedEvent } from '../_lib/lead-participant-events';

const RATE_RULES = (limits: IntakeLimits, openid: string, districtId: string) => [
  { key: `lead:u:${openid}:10m`, limit: limits.perInvestorPer10Min, windowMs: 10 * 60_000 },
  { key: `lead:u:${openid}:1d`, limit: limits.perInvestorPerDay, windowMs: 24 * 3600_000 },
  { key: `lead:d:${districtId}:1m`, limit: limits.perDistrictPerMinute, windowMs: 60_000 },
];

/** An anonymous web visitor also counts against their address and the contact they give (ids are hashed). */
const WEB_RATE_RULES = (limits: IntakeLimits, clientIp: string | null, contactKey: string) => [
  ...(clientIp ? [{ key: `lead:ip:${clientIp}:1h`, limit: limits.perWebAddressPerHour ?? DEFAULT_WEB_LIMITS.perWebAddressPerHour, windowMs: 3600_000 }] : []),
  { key: `lead:c:${contactKey}:1d`, limit: limits.perContactPerDay ?? DEFAULT_WEB_LIMITS.perContactPerDay, windowMs: 24 * 3600_000 },
];

/** An event-mode inquiry's own limits: a commissioner at a fair takes many, but not thousands, a day. */
const EVENT_RATE_RULES = (limits: IntakeLimits, staffId: string, districtId: string) => [
  { key: `lead:e:${staffId}:1d`, limit: 300, windowMs: 24 * 3600_000 },
  { key: `lead:d:${districtId}:1m`, limit: limits.perDistrictPerMinute, windowMs: 60_000 },
];

/**
 * Who submits: a WeChat user by openid, a web visitor by their anonymous id, or (event mode) the staff member
 * who took the inquiry down for the investor in front of them, who is credited with it.
 */
export interface Submitter {
  openid: string | null;
  visitor: string | null;
  /** The one key limits and idempotency use. */
  key: string;
  taker?: Staff;
}

/** What the use cases hand in: the contract's submission, whose source may also be an event (event mode). */
export type Intake = Omit<LeadSubmission, 'source'> & { source: v.InferOutput<typeof LeadSourceSchema> };

/** What the link names, read in the first wave together with the idempotency check. */
interface Source {
  card: Card | null;
  carrier: Carrier | null;
  share: Share | null;
}

/** Everything routing and notifying needs, read in the second wave: the district, its people and units, the chain. */
interface Context {
  district: District;
  card: Card | null;
  carrier: Carrier | null;
  share: Share | null;
  staff: Map<string, Staff>;
  units: Map<string, Unit>;
  chain: Share[];
  /** Who answers for the district today: the rota's entry, else its standing on-duty commissioner. */
  onDutyToday: string | null;
}

const readSource = async (deps: Deps, source: Intake['source'], leadId: string): Promise<Source & { existing: Lead | null }> => {
  const [share, card, carrier, existing] = await Promise.all([
    source.shareCode ? getShare(deps.store, source.shareCode) : null,
    source.cardId ? getCard(deps.store, source.cardId) : null,
    source.carrierId ? getCarrier(deps.store, source.carrierId) : null,
    getLead(deps.store, leadId),
  ]);
  return { share, card, carrier, existing };
};

/**
 * The chain above a share: one read of its stored ancestor codes; shares made before those were stored are
 * walked parent by parent, as before.
 */
const readAncestors = async (deps: Deps, share: Share | null): Promise<Share[]> => {
  if (!share?.parentCode) return [];
  if (share.ancestorCodes) return [...(await getSharesByCodes(deps.store, share.ancestorCodes)).values()];
  const known: Share[] = [];
  const seen = new Set([share._id]);
  let parent: string | null = share.parentCode;
  while (parent && !seen.has(parent) && known.length < 64) {
    const next = await getShare(deps.store, parent);
    if (!next) break;
    known.push(next);
    seen.add(next._id);
    parent = next.parentCode;
  }
  return known;
};

/**
 * Starts the second wave: every read is issued before this returns (so it can overlap the transaction's start,
 * and on SQLite none waits behind that transaction); the promise settles with the checked context.
 */
const loadContext = (deps: Deps, source: Intake['source'], src: Source, ancestors: Promise<Share[]>, now: Date, eventDistrictId: string | null): Promise<Context> => {
  const cardId = source.cardId ?? src.share?.cardId;
  const districtId = src.card?.districtId ?? src.carrier?.districtId ?? src.share?.districtId ?? eventDistrictId ?? undefined;
  const reads = Promise.all([
    src.card || !cardId ? src.card : getCard(deps.store, cardId),
    districtId ? getDistrict(deps.store, districtId) : firstDistrict(deps.store),
    districtId ? listAllDistrictStaff(deps.store, districtId) : [],
    districtId ? listUnits(deps.store, districtId) : [],
    ancestors,
    districtId ? getDutyDay(deps.store, districtId, chinaDay(now)) : null,
  ]);
  return reads.then(([card, district, people, unitList, chainAbove, dutyDay]) => {
    if (cardId && !card) throw new DomainError('CARD.NOT_FOUND');
    if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
    // A card, carrier and share from different districts cannot form one inquiry.
    for (const d of [card?.districtId, src.carrier?.districtId, src.share?.districtId]) {
      if (d && d !== district._id) throw new DomainError('VALIDATION.INVALID_INPUT', ['source']);
    }
    const share = src.share && (!card || src.share.cardId === card._id) ? src.share : null;
    const known = new Map<string, Share>([...chainAbove, ...(share ? [share] : [])].map((s) => [s._id, s]));
    return {
      district,
      card,
      carrier: src.carrier,
      share,
      staff: new Map(people.map((p) => [p._id, p])),
      units: new Map(unitList.map((u) => [u._id, u])),
      chain: share ? buildShareChain(share._id, (code) => known.get(code)) : [],
      onDutyToday: onDutyStaffIdFor(district, dutyDay),
    };
  });
};

/** A person or unit the district lists did not hold (another district's, or past a list's cap): read by id. */
const staffIn = async (tx: TransactionStore, c: Context, id: string | null | undefined): Promise<Staff | null> =>
  id ? (c.staff.get(id) ?? (await getStaff(tx, id))) : null;
const unitIn = async (tx: TransactionStore, c: Context, id: string | null | undefined): Promise<Unit | null> =>
  id ? (c.units.get(id) ?? (await getUnit(tx, id))) : null;

/** The lead this submission becomes (the content verdict is checked by the caller, once it is in). */
const buildLead = async (tx: TransactionStore, ctx: ActionContext, input: Intake, who: Submitter, phone: string | undefined, c: Context): Promise<Lead> => {
  if (input.consent.noticeVersion !== c.district.privacyNoticeVersion) throw new DomainError('LEAD.CONSENT_REQUIRED', ['consent']);

  // Event mode: the commissioner who took it down stands where a card's owner would (credit, and handling when
  // their unit handles investment leads).
  const owner = who.taker ?? (c.card ? await staffIn(tx, c, c.card.staffId) : null);
  const credit = creditFromChain(c.chain, owner?._id ?? null);
  const creditedStaff = credit.creditedStaffId ? (credit.creditedStaffId === owner?._id ? owner : await staffIn(tx, c, credit.creditedStaffId)) : null;
  const [creditedUnit, ownerUnit, onDuty] = await Promise.all([unitIn(tx, c, creditedStaff?.unitId), unitIn(tx, c, owner?.unitId), staffIn(tx, c, c.card?.onDutyStaffId)]);
  const routing = routeLead({ district: c.district, card: c.card, creditedStaff, creditedUnit, cardOwner: owner, cardOwnerUnit: ownerUnit, onDutyOfCard: onDuty });

  const now = ctx.now;
  const nowIso = now.toISOString();
  const lead: Lead = {
    _id: leadIdForKey(input.idempotencyKey),
    districtId: c.district._id,
    status: 'new',
    contact: storedContact(input.contact, phone),
    need: input.need,
    message: input.message,
    source: input.source,
    ...(c.carrier ? { place: { street: c.carrier.street, carrierType: c.carrier.type } } : {}),
    credit: { staffId: routing.credit.staffId, unitId: routing.credit.unitId, shareChain: credit.staffChain, hops: credit.hops },
    handling: routing.handling,
    submitter: { openid: who.openid, key: input.idempotencyKey, ...(who.visitor ? { visitor: who.visitor } : {}) },
    consent: { noticeVersion: input.consent.noticeVersion, agreedAt: nowIso },
    ...(input.lang === 'en' ? { investorLang: 'en' as const } : {}),
    sla: { firstResponseDueAt: firstResponseDeadline(now, c.district.sla, c.district.workingCalendar).toISOString(), firstRespondedAt: null, escalation: 0 },
    fingerprint: fingerprintOf(input, phone),
    _rev: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  // An inquiry about a carrier brings its manager in, when they are a working staff member of the district who
  // does not handle the lead anyway (an external manager has no account: the handler calls them).
  const manager = await staffIn(tx, c, c.carrier?.managerStaffId);
  if (c.carrier && manager && manager.districtId === lead.districtId && manager.status === 'active' && !canActOnLead(manager, lead)) {
    const added = addParticipant(lead, { staffId: manager._id, carrierId: c.carrier._id, addedAt: nowIso, addedBy: null, contactSharedAt: null });
    if (added.kind === 'added') Object.assign(lead, added.fields);
  }
  // The schema is the last gate before storage: a lead that does not satisfy it is never written.
  const checked = v.safeParse(LeadSchema, lead);
  if (!checked.success) throw new DomainError('VALIDATION.INVALID_INPUT', checked.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? ''));
  return checked.output;
};

/** The contact as stored: the phone normalised, or no phone field at all when the investor left none. */
const storedContact = (typed: Intake['contact'], phone: string | undefined): Lead['contact'] => {
  const { phone: _typedPhone, ...rest } = typed;
  return phone ? { ...rest, phone } : rest;
};

const fingerprintOf = (input: Intake, phone: string | undefined): string =>
  fingerprint({ contact: storedContact(input.contact, phone), need: input.need, message: input.message, source: input.source });

/** Who hears of a new lead: its handler, else the unit leader and today's on-duty person; the carrier's manager. */
const recipientsOf = async (tx: TransactionStore, c: Context, lead: Lead): Promise<Array<Staff | null>> => {
  const handler = await staffIn(tx, c, lead.handling.staffId);
  const unit = await unitIn(tx, c, lead.handling.unitId);
  return Promise.all([
    handler,
    !handler ? staffIn(tx, c, unit?.leaderStaffId) : null,
    !handler ? staffIn(tx, c, c.onDutyToday) : null,
    staffIn(tx, c, c.carrier?.managerStaffId),
  ]);
};

type Outcome = { kind: 'created'; lead: Lead; outbox: OutboxEntry[]; district: District } | { kind: 'duplicate'; lead: Lead; district: District };

const sameSubmission = (existing: Lead, who: Submitter, fingerprintOfInput: string): Lead => {
  const sameSubmitter = who.taker
    ? existing.source.channel === 'event' && existing.credit.staffId === who.taker._id
    : existing.source.channel !== 'event' && (who.visitor ? existing.submitter.visitor === who.visitor : existing.submitter.openid === who.openid);
  if (sameSubmitter && existing.fingerprint === fingerprintOfInput) return existing;
  throw new DomainError('LEAD.IDEMPOTENCY_CONFLICT');
};

/** The claim code a web visitor's lead answers with (the same on every retry); WeChat users need none. */
const claimCodeOf = (deps: Deps, lead: Lead): string | null => (lead.submitter.visitor ? claimCodeForLead(deps.analyticsSecret, lead._id) : null);

export const submitLeadAction = defineAction(submitLeadContract, async (deps, ctx, input) => {
  const openid = ctx.openid;
  const visitor = openid ? null : (ctx.visitor ?? null);
  if (!openid && !visitor) throw new DomainError('AUTH.SIGN_IN_REQUIRED');
  return recordInquiry(deps, ctx, input, { openid, visitor, key: openid ?? `web:${visitor}` }, null);
});

export type InquiryOutcome = { leadId: string; promiseHours: number; firstResponseDueAt: string; duplicate: boolean; claimCode: string | null };

/**
 * One inquiry, exactly once: checks, routing, the transaction, then delivery. `eventDistrictId` is the district
 * of the 活动 an event-mode inquiry was taken at (the caller has checked the taker belongs to it).
 */
export const recordInquiry = async (deps: Deps, ctx: ActionContext, input: Intake, who: Submitter, eventDistrictId: string | null): Promise<InquiryOutcome> => {
  const openid = who.openid;
  const visitor = who.visitor;
  if (input.website && input.website.trim() !== '') {
    // Honeypot filled: answer like success so the bot learns nothing; store and route nothing.
    deps.log.info('lead.honeypot', { requestId: ctx.requestId });
    const leadId = leadIdForKey(input.idempotencyKey);
    return { leadId, promiseHours: DEFAULT_SLA.firstResponseHours, firstResponseDueAt: ctx.now.toISOString(), duplicate: false, claimCode: visitor ? claimCodeForLead(deps.analyticsSecret, leadId) : null };
  }

  // At least one way to reach the investor; a phone, when given, must be a real one (stored normalised).
  if (!hasWayToReach(input.contact)) throw new DomainError('LEAD.CONTACT_REQUIRED', ['contact.phone']);
  const typedPhone = input.contact.phone?.trim() ?? '';
  const phone = typedPhone ? normalizePhone(typedPhone) : undefined;
  if (phone === null) throw new DomainError('LEAD.INVALID_PHONE', ['contact.phone']);
  const { areaMin, areaMax } = input.need;
  if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) throw new DomainError('VALIDATION.INVALID_INPUT', ['need.areaMax']);
  const leadId = leadIdForKey(input.idempotencyKey);
  const submitted = fingerprintOf(input, phone);

  // The content check is a call to WeChat, not to the database: it runs beside the reads.
  const moderated = [input.contact.name, input.contact.company, input.need.industry, input.message].filter(Boolean).join('\n');
  // An event inquiry is checked under the commissioner's own WeChat identity.
  const verdict = deps.contentCheck.check(moderated, openid ?? ctx.openid);
  verdict.catch(() => undefined);

  // Wave 1: what the link names, and the idempotency check: a retry of an accepted inquiry is answered at once.
  const src = await readSource(deps, input.source, leadId);
  if (input.source.cardId && !src.card) throw new DomainError('CARD.NOT_FOUND');
  if (input.source.carrierId && !src.carrier) throw new DomainError('CARRIER.NOT_FOUND');
  const ancestors = src.share?.parentCode && !src.share.ancestorCodes ? await readAncestors(deps, src.share) : null;
  // Wave 2 (district, its people and units, the chain) goes out beside the transaction's start.
  const context = loadContext(deps, input.source, src, ancestors ? Promise.resolve(ancestors) : readAncestors(deps, src.share), ctx.now, eventDistrictId);
  context.catch(() => undefined);
  if (src.existing) {
    const lead = sameSubmission(src.existing, who, submitted);
    return { leadId: lead._id, promiseHours: (await context).district.sla.firstResponseHours, firstResponseDueAt: lead.sla.firstResponseDueAt, duplicate: true, claimCode: claimCodeOf(deps, lead) };
  }
  // A web visitor proves work on a challenge signed for them; its single use is checked in the transaction.
  let challenge: { id: string; expiresAt: string } | null = null;
  if (visitor) {
    if (!input.proof) throw new DomainError('LEAD.CHALLENGE_REQUIRED', ['proof']);
    const solved = verifySolvedChallenge(deps.analyticsSecret, input.proof, callerKey(ctx), ctx.now, deps.intakeLimits.webChallengeBits ?? WEB_CHALLENGE_BITS);
    challenge = { id: `wc_${solved.id}`, expiresAt: new Date(solved.expiresAtMs).toISOString() };
  }
  const contactKey = contactKeyOf({ ...input.contact, phone });
  const districtId = src.card?.districtId ?? src.carrier?.districtId ?? src.share?.districtId ?? eventDistrictId;

  const store = (): Promise<Outcome> =>
    deps.store.transaction(async (tx) => {
      // A card-less inquiry learns its district (the first one) only from the context: it waits for it here.
      const rateDistrict = districtId ?? (await context).district._id;
      const rules = who.taker
        ? EVENT_RATE_RULES(deps.intakeLimits, who.taker._id, rateDistrict)
        : [...RATE_RULES(deps.intakeLimits, who.key, rateDistrict), ...(visitor ? WEB_RATE_RULES(deps.intakeLimits, ctx.clientIp ?? null, contactKey) : [])];
      // The lead is drafted as soon as the context is in, so the report roll-up rows it counts in are looked up
      // beside the idempotency and rate reads rather than in a wave of their own.
      const draft = context.then(async (c) => {
        const lead = await buildLead(tx, ctx, input, who, phone, c);
        const rollupDelta = rollupDeltaOf(null, lead);
        const cardCount = lead.source.cardId ? { districtId: lead.districtId, cardId: lead.source.cardId, channel: lead.source.channel, day: chinaDay(new Date(lead.createdAt)) } : null;
        const [rollupRows, cardRows] = await Promise.all([readRollupRows(tx, rollupDelta), cardCount ? readCardLeadRows(tx, cardCount) : null]);
        return { lead, rollupDelta, rollupRows, cardRows };
      });
      draft.catch(() => undefined);
      const [existing, rate, c, moderation, used] = await Promise.all([
        getLead(tx, leadId),
        prepareRate(tx, rules, ctx.now),
        context,
        verdict,
        challenge ? isChallengeUsed(tx, challenge.id) : false,
      ]);
      if (existing) return { kind: 'duplicate', lead: sameSubmission(existing, who, submitted), district: c.district };
      if (used) throw new DomainError('LEAD.CHALLENGE_USED', ['proof']);
      const { lead, rollupDelta, rollupRows, cardRows } = await draft;
      if (moderation === 'risky') throw new DomainError('CONTENT.REJECTED', ['message']);
      if (rate.limited) throw new DomainError('RATE.LIMITED');
      // The commissioner who took an event inquiry down needs no message about it.
      const recipients = (await recipientsOf(tx, c, lead)).filter((r) => !who.taker || r?._id !== who.taker._id);
      const outbox = staffOutboxEntries(
        deps,
        recipients,
        () => ({
          kind: 'lead_new',
          page: `staff/lead-detail/index?id=${lead._id}`,
          fields: { thing1: `${lead.need.industry}投资咨询`.slice(0, 20), thing2: (c.carrier?.name ?? '名片咨询').slice(0, 20), time3: lead.createdAt },
        }),
        lead._id,
      );
      // Wave 4: every write at once; the notifications are recorded with the lead they announce.
      await Promise.all([
        applyRate(tx, rate),
        tx.insert(LEADS_COLLECTION, lead),
        insertLeadEvent(tx, {
          _id: newId('ev', ctx.now, deps.randomBytes),
          leadId: lead._id,
          districtId: lead.districtId,
          type: 'created',
          actor: { kind: 'investor', staffId: null, name: lead.contact.name },
          at: lead.createdAt,
        }),
        ...outbox.map((entry) => tx.insert(OUTBOX_COLLECTION, entry)),
        // The carrier's manager brought in at intake: their entry on the timeline (already told by the new-lead message).
        ...(lead.participants?.length && c.carrier
          ? lead.participants.map((p) => {
              const manager = c.staff.get(p.staffId);
              return manager && c.carrier ? insertLeadEvent(tx, participantAddedEvent(deps, ctx.now, lead, manager, c.carrier, null)) : Promise.resolve();
            })
          : []),
        ...(challenge ? [recordUsedChallenge(tx, challenge.id, challenge.expiresAt, lead._id)] : []),
        ...(visitor ? [insertLeadClaim(tx, claimDocumentId(deps.analyticsSecret, claimCodeForLead(deps.analyticsSecret, lead._id)), lead._id, lead.createdAt)] : []),
        // The report roll-ups count the inquiry with the lead, or not at all.
        writeRollupDelta(tx, rollupDelta, rollupRows),
        // So is the card's own inquiry counter (card.stats reads counters, never counts leads).
        ...(cardRows ? [countCardLead(tx, cardRows)] : []),
      ]);
      return { kind: 'created', lead, outbox, district: c.district };
    });

  let outcome: Outcome | null = null;
  // Two first submissions racing on the same new key or rate counter: the loser retries and sees the winner.
  for (let attempt = 0; attempt < 3 && !outcome; attempt += 1) {
    try {
      outcome = await store();
    } catch (error) {
      if (!isStoreError(error, 'STORE.DUPLICATE_ID') || attempt === 2) throw error;
    }
  }
  if (!outcome) throw new DomainError('STORE.BUSY');
  const saved = outcome.lead;

  if (outcome.kind === 'created') {
    deps.log.info('lead.created', { leadId: saved._id, districtId: saved.districtId, pool: saved.handling.staffId === null });
    // Notifications come after the lead is stored, never before, and a lead never waits on their outcome.
    await deliverRecorded(deps, outcome.outbox);
  }
  return { leadId: saved._id, promiseHours: outcome.district.sla.firstResponseHours, firstResponseDueAt: saved.sla.firstResponseDueAt, duplicate: outcome.kind === 'duplicate', claimCode: claimCodeOf(deps, saved) };
};
