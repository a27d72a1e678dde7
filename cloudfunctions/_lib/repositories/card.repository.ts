import type { Card } from '../../../domain/card/card.schema';
import type { StoredShareImages } from '../../../domain/share/share-image.schema';
import { COLLECTIONS } from '../store/collections';
import type { DocumentStore, TransactionStore } from '../store/store-port';

const C = COLLECTIONS.cards.name;

/** By id; works inside a transaction too. */
export const getCard = (store: TransactionStore, id: string) => store.get<Card>(C, id);

export const findCardByStaff = async (store: DocumentStore, staffId: string): Promise<Card | null> => {
  const [card] = await store.find<Card>(C, { where: { staffId }, limit: 1 });
  return card ?? null;
};

/** The cards of several people in one request, by owner. */
export const findCardsByStaffIds = async (store: DocumentStore, staffIds: Iterable<string | null | undefined>): Promise<Map<string, Card>> => {
  const ids = [...new Set([...staffIds].filter((id): id is string => typeof id === 'string' && id !== ''))];
  const byStaff = new Map<string, Card>();
  if (ids.length === 0) return byStaff;
  const cards = await store.find<Card>(C, { where: { staffId: { in: ids } }, orderBy: [{ field: 'staffId', direction: 'asc' }, { field: '_id', direction: 'asc' }], limit: 1000 });
  for (const card of cards) if (!byStaff.has(card.staffId)) byStaff.set(card.staffId, card);
  return byStaff;
};

/** Every card a person owns (a revocation hands them all to a successor). */
export const listCardsByStaff = (store: DocumentStore, staffId: string) =>
  store.find<Card>(C, { where: { staffId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 50 });

/** Cards whose inquiries a person answers for someone else (a revocation passes on those of departed owners). */
export const listCardsDelegatedTo = (store: DocumentStore, staffId: string) =>
  store.find<Card>(C, { where: { onDutyStaffId: staffId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 200 });

export const listDistrictCards = (store: DocumentStore, districtId: string) =>
  store.find<Card>(C, { where: { districtId }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 500 });

/** What a staff member writes about themselves on the card editor (kept on their staff record). */
export interface StaffCardProfile {
  title: string;
  wechatId: string | null;
  wechatQr: string | null;
  photo: string | null;
}

/**
 * Saves a staff member's card and the profile it shows, both or neither. An existing card changes only in what
 * the editor edits; a new one is stored whole.
 */
export const saveCardWithProfile = (store: DocumentStore, card: Card, exists: boolean, staffId: string, profile: StaffCardProfile): Promise<void> =>
  store.transaction(async (tx) => {
    if (exists) {
      await tx.update(C, card._id, {
        set: {
          greeting: card.greeting,
          visibility: card.visibility,
          featuredCarrierIds: card.featuredCarrierIds,
          featuredIndustries: card.featuredIndustries,
          onDutyStaffId: card.onDutyStaffId ?? null,
          ...(card.greetingEn !== undefined ? { greetingEn: card.greetingEn } : {}),
          ...(card.nameEn !== undefined ? { nameEn: card.nameEn } : {}),
          ...(card.titleEn !== undefined ? { titleEn: card.titleEn } : {}),
          updatedAt: card.updatedAt,
        },
      });
    } else {
      await tx.insert<Card>(C, card);
    }
    await tx.update(COLLECTIONS.staff.name, staffId, { set: { ...profile } });
  });

/** A card whose inquiries now go to someone else (a handover): shared links keep working and name the successor. */
export const delegateCard = (tx: TransactionStore, cardId: string, toStaffId: string, at: string) => tx.update(C, cardId, { set: { onDutyStaffId: toStaffId, updatedAt: at } });

/** The card's share images (drawn for one content fingerprint); only share.saveImage writes them. */
export const setCardShareImages = (tx: TransactionStore, cardId: string, images: StoredShareImages) => tx.update(C, cardId, { set: { shareImages: images } });
