import * as v from 'valibot';
import { submitLeadContract, type LeadSubmission } from '../../domain/api/lead.contracts';
import type { Card } from '../../domain/card/card.schema';
import type { Carrier } from '../../domain/carrier/carrier.schema';
import { fingerprint } from '../../domain/common/fingerprint';
import { DomainError } from '../../domain/common/result';
import { LeadSchema, type Lead } from '../../domain/lead/lead.schema';
import { normalizePhone } from '../../domain/lead/phone.rules';
import { routeLead } from '../../domain/lead/routing.rules';
import { firstResponseDeadline } from '../../domain/lead/sla.rules';
import { DEFAULT_SLA, type District } from '../../domain/org/district.schema';
import { buildShareChain, creditFromChain } from '../../domain/share/share-chain.rules';
import type { Share } from '../../domain/share/share.schema';
import { defineAction, type ActionContext } from '../_lib/define-action';
import type { Deps, IntakeLimits } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { notifyStaff } from '../_lib/notifications';
import { consumeRate } from '../_lib/rate-limit';
import { getCard } from '../_lib/repositories/card.repository';
import { getCarrier } from '../_lib/repositories/carrier.repository';
import { getLead, insertLeadEvent, leadIdForKey, LEADS_COLLECTION } from '../_lib/repositories/lead.repository';
import { firstDistrict, getDistrict, getUnit } from '../_lib/repositories/org.repository';
import { getShare } from '../_lib/repositories/share.repository';
import { onDutyStaffIdAt } from '../_lib/repositories/duty-rota.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { isStoreError } from '../_lib/store/store-port';

const RATE_RULES = (limits: IntakeLimits, openid: string, districtId: string) => [
  { key: `lead:u:${openid}:10m`, limit: limits.perInvestorPer10Min, windowMs: 10 * 60_000 },
  { key: `lead:u:${openid}:1d`, limit: limits.perInvestorPerDay, windowMs: 24 * 3600_000 },
  { key: `lead:d:${districtId}:1m`, limit: limits.perDistrictPerMinute, windowMs: 60_000 },
];

interface ResolvedSource {
  district: District;
  card: Card | null;
  carrier: Carrier | null;
  share: Share | null;
}

const resolveSource = async (deps: Deps, source: LeadSubmission['source']): Promise<ResolvedSource> => {
  const share = source.shareCode ? await getShare(deps.store, source.shareCode) : null;
  const cardId = source.cardId ?? share?.cardId;
  const card = cardId ? await getCard(deps.store, cardId) : null;
  if (cardId && !card) throw new DomainError('CARD.NOT_FOUND');
  const carrier = source.carrierId ? await getCarrier(deps.store, source.carrierId) : null;
  if (source.carrierId && !carrier) throw new DomainError('CARRIER.NOT_FOUND');
  const districtId = card?.districtId ?? carrier?.districtId ?? share?.districtId;
  const district = districtId ? await getDistrict(deps.store, districtId) : await firstDistrict(deps.store);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  // A card, carrier and share from different districts cannot form one inquiry.
  for (const d of [card?.districtId, carrier?.districtId, share?.districtId]) {
    if (d && d !== district._id) throw new DomainError('VALIDATION.INVALID_INPUT', ['source']);
  }
  return { district, card, carrier, share: share && (!card || share.cardId === card._id) ? share : null };
};

const shareChainOf = async (deps: Deps, share: Share | null): Promise<Share[]> => {
  if (!share) return [];
  const known = new Map<string, Share>([[share._id, share]]);
  let parent = share.parentCode;
  while (parent && !known.has(parent) && known.size < 64) {
    const next = await getShare(deps.store, parent);
    if (!next) break;
    known.set(next._id, next);
    parent = next.parentCode;
  }
  return buildShareChain(share._id, (code) => known.get(code));
};

const buildLead = async (deps: Deps, ctx: ActionContext, input: LeadSubmission, openid: string): Promise<{ lead: Lead; src: ResolvedSource }> => {
  const phone = normalizePhone(input.contact.phone);
  if (!phone) throw new DomainError('LEAD.INVALID_PHONE', ['contact.phone']);
  const { areaMin, areaMax } = input.need;
  if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) throw new DomainError('VALIDATION.INVALID_INPUT', ['need.areaMax']);

  const src = await resolveSource(deps, input.source);
  if (input.consent.noticeVersion !== src.district.privacyNoticeVersion) throw new DomainError('LEAD.CONSENT_REQUIRED', ['consent']);

  const moderated = [input.contact.name, input.contact.company, input.need.industry, input.message].filter(Boolean).join('\n');
  if ((await deps.contentCheck.check(moderated, openid)) === 'risky') throw new DomainError('CONTENT.REJECTED', ['message']);

  const chain = await shareChainOf(deps, src.share);
  const owner = src.card ? await getStaff(deps.store, src.card.staffId) : null;
  const credit = creditFromChain(chain, owner?._id ?? null);
  const creditedStaff = credit.creditedStaffId ? (credit.creditedStaffId === owner?._id ? owner : await getStaff(deps.store, credit.creditedStaffId)) : null;
  const [creditedUnit, ownerUnit, onDuty] = await Promise.all([
    creditedStaff ? getUnit(deps.store, creditedStaff.unitId) : null,
    owner ? getUnit(deps.store, owner.unitId) : null,
    src.card?.onDutyStaffId ? getStaff(deps.store, src.card.onDutyStaffId) : null,
  ]);
  const routing = routeLead({ district: src.district, card: src.card, creditedStaff, creditedUnit, cardOwner: owner, cardOwnerUnit: ownerUnit, onDutyOfCard: onDuty });

  const now = ctx.now;
  const nowIso = now.toISOString();
  const payload = { contact: { ...input.contact, phone }, need: input.need, message: input.message, source: input.source };
  const lead: Lead = {
    _id: leadIdForKey(input.idempotencyKey),
    districtId: src.district._id,
    status: 'new',
    contact: payload.contact,
    need: input.need,
    message: input.message,
    source: input.source,
    credit: { staffId: routing.credit.staffId, unitId: routing.credit.unitId, shareChain: credit.staffChain, hops: credit.hops },
    handling: routing.handling,
    submitter: { openid, key: input.idempotencyKey },
    consent: { noticeVersion: input.consent.noticeVersion, agreedAt: nowIso },
    sla: { firstResponseDueAt: firstResponseDeadline(now, src.district.sla).toISOString(), firstRespondedAt: null, escalation: 0 },
    fingerprint: fingerprint(payload),
    _rev: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  // The schema is the last gate before storage: a lead that does not satisfy it is never written.
  const checked = v.safeParse(LeadSchema, lead);
  if (!checked.success) throw new DomainError('VALIDATION.INVALID_INPUT', checked.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? ''));
  return { lead: checked.output, src };
};

type Outcome = { kind: 'created'; lead: Lead } | { kind: 'duplicate'; lead: Lead };

const store = async (deps: Deps, lead: Lead, openid: string, now: Date): Promise<Outcome> =>
  deps.store.transaction(async (tx) => {
    const existing = await getLead(tx, lead._id);
    if (existing) {
      if (existing.submitter.openid === openid && existing.fingerprint === lead.fingerprint) return { kind: 'duplicate', lead: existing };
      throw new DomainError('LEAD.IDEMPOTENCY_CONFLICT');
    }
    await consumeRate(tx, RATE_RULES(deps.intakeLimits, openid, lead.districtId), now);
    await tx.insert(LEADS_COLLECTION, lead);
    await insertLeadEvent(tx, {
      _id: newId('ev', now, deps.randomBytes),
      leadId: lead._id,
      districtId: lead.districtId,
      type: 'created',
      actor: { kind: 'investor', staffId: null, name: lead.contact.name },
      at: lead.createdAt,
    });
    return { kind: 'created', lead };
  });

export const submitLeadAction = defineAction(submitLeadContract, async (deps, ctx, input) => {
  const openid = ctx.openid;
  if (!openid) throw new DomainError('AUTH.SIGN_IN_REQUIRED');

  if (input.website && input.website.trim() !== '') {
    // Honeypot filled: answer like success so the bot learns nothing; store and route nothing.
    deps.log.info('lead.honeypot', { requestId: ctx.requestId });
    return { leadId: leadIdForKey(input.idempotencyKey), promiseHours: DEFAULT_SLA.firstResponseHours, firstResponseDueAt: ctx.now.toISOString(), duplicate: false };
  }

  const { lead, src } = await buildLead(deps, ctx, input, openid);
  let outcome: Outcome | null = null;
  // Two first submissions racing on the same new key or rate counter: the loser retries and sees the winner.
  for (let attempt = 0; attempt < 3 && !outcome; attempt += 1) {
    try {
      outcome = await store(deps, lead, openid, ctx.now);
    } catch (error) {
      if (!isStoreError(error, 'STORE.DUPLICATE_ID') || attempt === 2) throw error;
    }
  }
  if (!outcome) throw new DomainError('STORE.BUSY');
  const saved = outcome.lead;

  if (outcome.kind === 'created') {
    deps.log.info('lead.created', { leadId: saved._id, districtId: saved.districtId, pool: saved.handling.staffId === null });
    const handler = saved.handling.staffId ? await getStaff(deps.store, saved.handling.staffId) : null;
    const unit = await getUnit(deps.store, saved.handling.unitId);
    const leader = !handler && unit?.leaderStaffId ? await getStaff(deps.store, unit.leaderStaffId) : null;
    const poolDutyId = handler ? null : await onDutyStaffIdAt(deps.store, src.district, ctx.now);
    const poolDuty = poolDutyId ? await getStaff(deps.store, poolDutyId) : null;
    const manager = src.carrier?.managerStaffId ? await getStaff(deps.store, src.carrier.managerStaffId) : null;
    await notifyStaff(
      deps,
      [handler, leader, poolDuty, manager],
      () => ({
        kind: 'lead_new',
        page: `staff/lead-detail/index?id=${saved._id}`,
        fields: { thing1: `${saved.need.industry}投资咨询`.slice(0, 20), thing2: (src.carrier?.name ?? '名片咨询').slice(0, 20), time3: saved.createdAt },
      }),
      saved._id,
    );
  }
  return { leadId: saved._id, promiseHours: src.district.sla.firstResponseHours, firstResponseDueAt: saved.sla.firstResponseDueAt, duplicate: outcome.kind === 'duplicate' };
});
