import type { Handover, HandoverItem } from '../../../domain/org/handover.schema';
import type { Carrier } from '../../../domain/carrier/carrier.schema';
import type { Lead } from '../../../domain/lead/lead.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const C = COLLECTIONS.handovers.name;

/** One handover per leaving person: starting again finds the same one (and so resumes it). */
export const handoverIdFor = (staffId: string): string => `ho_${staffId}`;

export const getHandover = (store: TransactionStore, id: string) => store.get<Handover>(C, id);
export const insertHandover = (tx: TransactionStore, h: Handover) => tx.insert(C, h);
export const setHandoverItem = (tx: TransactionStore, id: string, key: string, item: HandoverItem, at: string) => tx.update(C, id, { set: { [`items.${key}`]: item, updatedAt: at } });
export const setHandoverStatus = (tx: TransactionStore, id: string, status: Handover['status'], at: string) => tx.update(C, id, { set: { status, updatedAt: at } });

/** Leads a person handles (open or not: the caller keeps the open ones). */
export const listLeadsHandledBy = (store: DocumentStore, staffId: string) => store.find<Lead>(COLLECTIONS.leads.name, { where: { 'handling.staffId': staffId }, limit: 1000 });

/** Leads a person takes part in as a carrier manager (open or not: the caller keeps the open ones). */
export const listLeadsWithParticipant = (store: DocumentStore, staffId: string) => store.find<Lead>(COLLECTIONS.leads.name, { where: { participantStaffIds: { has: staffId } }, limit: 1000 });

export const listCarriersManagedBy = (store: DocumentStore, staffId: string) => store.find<Carrier>(COLLECTIONS.carriers.name, { where: { managerStaffId: staffId }, limit: 1000 });

/** A finished handover of the same person is replaced when they leave again. */
export const removeHandover = (tx: TransactionStore, id: string) => tx.remove(C, id);
