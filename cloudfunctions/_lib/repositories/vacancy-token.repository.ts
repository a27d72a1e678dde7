import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

export interface VacancyToken {
  /** A hash of the token: the link's secret is never stored. */
  _id: string;
  districtId: string;
  carrierId: string;
  /** Who was asked (null: an external manager the admin forwards the link to). */
  managerStaffId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  [k: string]: unknown;
}

const C = COLLECTIONS.vacancyTokens.name;

export const getVacancyToken = (store: TransactionStore, id: string) => store.get<VacancyToken>(C, id);

export const insertVacancyToken = (tx: TransactionStore, token: VacancyToken) => tx.insert(C, token);

export const markVacancyTokenUsed = (tx: TransactionStore, id: string, at: string) => tx.update(C, id, { set: { usedAt: at } });

/** Recent links of a district (for each manager's median time to confirm). */
export const listRecentVacancyTokens = (store: DocumentStore, districtId: string, since: string) =>
  store.find<VacancyToken>(C, { where: { districtId, createdAt: { gte: since } }, orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: 1000 });
