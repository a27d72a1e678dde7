import { adminHandoverPreviewContract, adminHandoverResumeContract, adminHandoverStartContract } from '../../domain/api/admin.contracts';
import { DomainError } from '../../domain/common/result';
import { isOpen } from '../../domain/lead/lead-status.rules';
import { handParticipationOver } from '../../domain/lead/lead-participant.rules';
import type { TransactionStore } from '../_lib/store/store-port';
import { canManageUnitStaff } from '../../domain/org/admin-access.rules';
import { handoverItemKey, pendingItems, type Handover, type HandoverItem, type HandoverItemKind, type HandoverParticipation } from '../../domain/org/handover.schema';
import type { Staff } from '../../domain/org/staff.schema';
import type { LeadEvent } from '../../domain/lead/lead-event.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { defineAction, type ActionContext } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { notifyStaff } from '../_lib/notifications';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { delegateCard, findCardByStaff, getCard } from '../_lib/repositories/card.repository';
import { getAnyCarrier, setCarrierFields } from '../_lib/repositories/carrier-admin.repository';
import { getHandover, handoverIdFor, insertHandover, listCarriersManagedBy, listLeadsHandledBy, listLeadsWithParticipant, removeHandover, setHandoverItem, setHandoverStatus } from '../_lib/repositories/handover.repository';
import { getLead, recordLeadChangeIn } from '../_lib/repositories/lead.repository';
import { getStaff } from '../_lib/repositories/staff.repository';
import { actorOf, auditEntry, openOffice, openOfficeForWrite, type Office } from './office-context';
import { loadManageableStaff } from './staff-access';

/** Items moved per call: each is its own transaction; the rest waits for the next call (resume). */
export const HANDOVER_ITEMS_PER_CALL = 40;

/**
 * A carrier's lead participations move in its transaction, at most this many leads in one; a carrier on more open
 * leads moves the earlier ones first, each batch in its own transaction (a moved one is no longer found, so a
 * resumed run neither repeats nor loses one), and the last batch together with the carrier.
 */
export const PARTICIPATIONS_PER_TRANSACTION = 20;

interface Held {
  kind: HandoverItemKind;
  id: string;
  label: string;
  movesWith?: HandoverParticipation[];
}

const leadLabel = (l: Pick<Lead, 'contact' | 'need'>) => `${l.contact.company} · ${l.need.industry}`;

/** The person's open-lead participations for `carrierId` (what `moveItem` moves with that carrier). */
const participatesFor = (l: Lead, staffId: string, carrierId: string) => isOpen(l.status) && (l.participants ?? []).some((p) => p.staffId === staffId && p.carrierId === carrierId);

const heldBy = async (deps: Deps, person: Staff): Promise<Held[]> => {
  const [leads, carriers, card, participating] = await Promise.all([
    listLeadsHandledBy(deps.store, person._id),
    listCarriersManagedBy(deps.store, person._id),
    findCardByStaff(deps.store, person._id),
    listLeadsWithParticipant(deps.store, person._id),
  ]);
  return [
    ...leads.filter((l) => l.districtId === person.districtId && isOpen(l.status)).map((l) => ({ kind: 'lead' as const, id: l._id, label: leadLabel(l) })),
    ...carriers
      .filter((c) => c.districtId === person.districtId)
      .map((c) => ({ kind: 'carrier' as const, id: c._id, label: c.name, movesWith: participating.filter((l) => participatesFor(l, person._id, c._id)).map((l) => ({ leadId: l._id, label: leadLabel(l) })) })),
    ...(card ? [{ kind: 'card' as const, id: card._id, label: '个人名片（已分享的名片改由接手人联系）' }] : []),
  ];
};

/** One row per item, each carrier followed by the participations that move with it (the carrier's status is theirs). */
const rowsOf = <T extends { kind: HandoverItemKind; id: string; label: string; movesWith?: HandoverParticipation[] }, R>(items: readonly T[], extra: (item: T) => R) =>
  items.flatMap((i) => [
    { kind: i.kind as HandoverItemKind | 'participation', id: i.id, label: i.label, ...extra(i) },
    ...(i.movesWith ?? []).map((p) => ({ kind: 'participation' as const, id: p.leadId, label: p.label, carrierId: i.id, ...extra(i) })),
  ]);

export const adminHandoverPreviewAction = defineAction(adminHandoverPreviewContract, async (deps, ctx, input) => {
  const office = await openOffice(deps, ctx);
  const person = await loadManageableStaff(deps, office, input.staffId);
  return { items: rowsOf(await heldBy(deps, person), () => ({})) };
});

const report = (h: Handover) => {
  const held = Object.entries(h.items)
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
    .map(([, i]) => i);
  const items = rowsOf(held, (i) => ({ status: i.status, toStaffId: i.toStaffId }));
  return { handoverId: h._id, status: h.status, items, pending: held.filter((i) => i.status === 'pending').length };
};

/**
 * Hands the leaving person's participation for this carrier on each of `leadIds` to the successor, with the lead's
 * event, through the lead's change method (no rev bump: the handler's open page stays current). A lead where
 * they no longer take part for this carrier (already moved, removed meanwhile) is left alone.
 */
const moveParticipations = async (tx: TransactionStore, deps: Deps, ctx: ActionContext, office: Office, h: Handover, carrier: { id: string; name: string }, leadIds: readonly string[], to: Staff): Promise<void> => {
  const at = ctx.now.toISOString();
  for (const leadId of leadIds) {
    const lead = await getLead(tx, leadId);
    if (!lead || !isOpen(lead.status)) continue;
    const change = handParticipationOver(lead, h.fromStaffId, carrier.id, to._id);
    if (!change) continue;
    const event: LeadEvent = {
      _id: newId('ev', ctx.now, deps.randomBytes),
      leadId: lead._id,
      districtId: lead.districtId,
      type: change.kind === 'replaced' ? 'participant_added' : 'participant_removed',
      actor: { kind: 'staff', staffId: office.staff._id, name: office.staff.name },
      text: change.kind === 'replaced' ? `人员交接：${to.name}（${carrier.name} 载体管理员）接替参与本线索` : `人员交接：${carrier.name} 的载体管理员改由已参与的 ${to.name} 担任`,
      data: { staffId: to._id, fromStaffId: h.fromStaffId, carrierId: carrier.id, handoverId: h._id },
      at,
    };
    await recordLeadChangeIn(tx, lead, { participants: change.fields.participants, participantStaffIds: change.fields.participantStaffIds }, [event], null);
  }
};

/** Open leads the leaving person takes part in for this carrier (read before the item's transactions: a query cannot run in one). */
const participationsOf = async (deps: Deps, fromStaffId: string, carrierId: string): Promise<string[]> =>
  (await listLeadsWithParticipant(deps.store, fromStaffId)).filter((l) => participatesFor(l, fromStaffId, carrierId)).map((l) => l._id);

/** Moves one item and records it, atomically; an item no longer held by the leaving person is skipped. */
const moveItem = async (deps: Deps, ctx: ActionContext, office: Office, h: Handover, key: string, item: HandoverItem, to: Staff): Promise<void> => {
  const at = ctx.now.toISOString();
  let lastBatch: string[] = [];
  if (item.kind === 'carrier') {
    const leadIds = await participationsOf(deps, h.fromStaffId, item.id);
    const split = Math.max(0, leadIds.length - PARTICIPATIONS_PER_TRANSACTION);
    lastBatch = leadIds.slice(split);
    for (let i = 0; i < split; i += PARTICIPATIONS_PER_TRANSACTION) {
      const batch = leadIds.slice(i, Math.min(i + PARTICIPATIONS_PER_TRANSACTION, split));
      await deps.store.transaction(async (tx) => {
        const fresh = await getHandover(tx, h._id);
        const found = await getAnyCarrier(tx, item.id);
        if (fresh?.items[key]?.status !== 'pending' || !found || found.carrier.managerStaffId !== h.fromStaffId) return;
        await moveParticipations(tx, deps, ctx, office, h, { id: item.id, name: found.carrier.name }, batch, to);
      });
    }
  }
  await deps.store.transaction(async (tx) => {
    const fresh = await getHandover(tx, h._id);
    if (!fresh || fresh.items[key]?.status !== 'pending') return;
    let moved = false;
    if (item.kind === 'lead') {
      const lead = await getLead(tx, item.id);
      if (lead && lead.handling.staffId === h.fromStaffId && isOpen(lead.status)) {
        // Credit, stages, notes, replies and events stay with the lead; only who handles it changes.
        // Through the lead repository's intent method (rev check, event, roll-ups), inside this item's transaction.
        const ok = await recordLeadChangeIn(
          tx,
          lead,
          { handling: { unitId: to.unitId, staffId: to._id }, updatedAt: at },
          [
            {
              _id: newId('ev', ctx.now, deps.randomBytes),
              leadId: lead._id,
              districtId: lead.districtId,
              type: 'assigned',
              actor: { kind: 'staff', staffId: office.staff._id, name: office.staff.name },
              text: `人员交接：转由 ${to.name} 承办`,
              data: { toUnitId: to.unitId, toStaffId: to._id, handoverId: h._id },
              at,
            },
          ],
          lead._rev,
        );
        if (!ok) throw new DomainError('LEAD.CONCURRENT_UPDATE');
        moved = true;
      }
    } else if (item.kind === 'carrier') {
      const found = await getAnyCarrier(tx, item.id);
      if (found && found.carrier.managerStaffId === h.fromStaffId) {
        await setCarrierFields(tx, item.id, found.listed, { managerStaffId: to._id, managerName: to.name, managerPhone: to.phone, updatedAt: at });
        await moveParticipations(tx, deps, ctx, office, h, { id: item.id, name: found.carrier.name }, lastBatch, to);
        moved = true;
      }
    } else {
      const card = await getCard(tx, item.id);
      if (card && card.staffId === h.fromStaffId) {
        // Cards already shared keep working: their inquiries and contact go to the successor.
        await delegateCard(tx, item.id, to._id, at);
        moved = true;
      }
    }
    const done: HandoverItem = { ...item, status: moved ? 'moved' : 'skipped', at };
    await setHandoverItem(tx, h._id, key, done, at);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'handover.move', { kind: item.kind, id: item.id }, { staffId: h.fromStaffId }, { staffId: to._id, status: done.status }));
  });
};

/** Works through pending items until done or the per-call budget; an error stops the run, the rest stays pending. */
const run = async (deps: Deps, ctx: ActionContext, office: Office, handoverId: string) => {
  let h = await getHandover(deps.store, handoverId);
  if (!h) throw new DomainError('STAFF.NOT_FOUND');
  const targets = new Map<string, Staff | null>();
  const target = async (id: string) => {
    if (!targets.has(id)) targets.set(id, await getStaff(deps.store, id));
    return targets.get(id) ?? null;
  };
  for (const [key, item] of pendingItems(h).slice(0, HANDOVER_ITEMS_PER_CALL)) {
    const to = await target(item.toStaffId);
    if (!to || to.status !== 'active') throw new DomainError('ADMIN.STAFF_INACTIVE', ['successorStaffId']);
    try {
      await moveItem(deps, ctx, office, h, key, item, to);
    } catch (error) {
      deps.log.error('handover.item_failed', { handoverId, kind: item.kind, error: error instanceof Error ? error.message : 'unknown' });
      break;
    }
  }
  h = (await getHandover(deps.store, handoverId)) as Handover;
  if (h.status === 'running' && pendingItems(h).length === 0) {
    const at = ctx.now.toISOString();
    await deps.store.transaction((tx) => setHandoverStatus(tx, handoverId, 'done', at));
    h = { ...h, status: 'done' };
    const successors = await Promise.all([...new Set(Object.values(h.successors))].map((id) => getStaff(deps.store, id)));
    await notifyStaff(deps, successors, () => ({ kind: 'lead_assigned', page: 'staff/inbox/index', fields: { thing1: '同事交接的工作已转给您', thing2: `共 ${Object.keys(h!.items).length} 项`.slice(0, 20), time3: at } }), null);
  }
  return report(h);
};

const checkSuccessor = async (deps: Deps, from: Staff, id: string): Promise<Staff> => {
  const s = await getStaff(deps.store, id);
  if (!s || s.districtId !== from.districtId) throw new DomainError('STAFF.NOT_FOUND', ['successorStaffId']);
  if (s.status !== 'active' || s._id === from._id) throw new DomainError('ADMIN.STAFF_INACTIVE', ['successorStaffId']);
  return s;
};

export const adminHandoverStartAction = defineAction(adminHandoverStartContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const from = await loadManageableStaff(deps, office, input.staffId);
  const handoverId = handoverIdFor(from._id);
  const existing = await getHandover(deps.store, handoverId);
  if (existing && existing.status === 'running') return run(deps, ctx, office, handoverId);
  const successors: Record<HandoverItemKind, string> = {
    lead: (await checkSuccessor(deps, from, input.successorStaffId))._id,
    carrier: (await checkSuccessor(deps, from, input.carrierSuccessorStaffId ?? input.successorStaffId))._id,
    card: (await checkSuccessor(deps, from, input.cardSuccessorStaffId ?? input.successorStaffId))._id,
  };
  const at = ctx.now.toISOString();
  const items: Record<string, HandoverItem> = {};
  (await heldBy(deps, from)).forEach((held, i) => {
    items[handoverItemKey(i)] = { ...held, status: 'pending', toStaffId: successors[held.kind], at: null };
  });
  const h: Handover = { _id: handoverId, districtId: from.districtId, fromStaffId: from._id, successors, items, status: 'running', createdBy: office.staff._id, createdAt: at, updatedAt: at };
  await deps.store.transaction(async (tx) => {
    // A finished handover of the same person (they came back and leave again) is replaced by the new one.
    if (existing) await removeHandover(tx, handoverId);
    await insertHandover(tx, h);
    await recordAudit(tx, auditEntry(deps, ctx, actorOf(office), 'handover.start', { kind: 'staff', id: from._id }, { items: Object.keys(items).length }, { successors }));
  });
  return run(deps, ctx, office, handoverId);
});

export const adminHandoverResumeAction = defineAction(adminHandoverResumeContract, async (deps, ctx, input) => {
  const office = await openOfficeForWrite(deps, ctx);
  const h = await getHandover(deps.store, input.handoverId);
  const from = h ? await getStaff(deps.store, h.fromStaffId) : null;
  if (!h || !from || !canManageUnitStaff(office.staff, from)) throw new DomainError('STAFF.NOT_FOUND', ['handoverId']);
  return run(deps, ctx, office, h._id);
});
