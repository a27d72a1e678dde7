import type { Card } from '../../../domain/card/card.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore } from '../store/store-port';

const C = COLLECTIONS.cards.name;

export const getCard = (store: DocumentStore, id: string) => store.get<Card>(C, id);

export const findCardByStaff = async (store: DocumentStore, staffId: string): Promise<Card | null> => {
  const [card] = await store.find<Card>(C, { where: { staffId }, limit: 1 });
  return card ?? null;
};

export const listDistrictCards = (store: DocumentStore, districtId: string) =>
  store.find<Card>(C, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 500 });
