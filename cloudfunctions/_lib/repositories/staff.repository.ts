import type { Staff } from '../../../domain/org/staff.schema';
import { COLLECTIONS } from '../store/collections';
import { MAX_FIND_LIMIT, type DocumentStore, type TransactionStore } from '../store/store-port';
import { getManyById } from './get-many';

const C = COLLECTIONS.staff.name;

export const getStaff = (store: TransactionStore, id: string) => store.get<Staff>(C, id);

/** Staff by id in one request (see getManyById). */
export const getStaffByIds = (store: DocumentStore, ids: Iterable<string | null | undefined>) => getManyById<Staff>(store, C, ids);

/** Everyone of a district, revoked included (routing must see a revoked owner as such), in one request. */
export const listAllDistrictStaff = (store: DocumentStore, districtId: string) => store.find<Staff>(C, { where: { districtId }, limit: MAX_FIND_LIMIT });

export const findStaffByOpenid = async (store: DocumentStore, openid: string): Promise<Staff | null> => {
  const [staff] = await store.find<Staff>(C, { where: { openid }, limit: 1 });
  return staff ?? null;
};

export const listDistrictStaff = (store: DocumentStore, districtId: string, unitId?: string) =>
  store.find<Staff>(C, { where: { districtId, status: 'active', ...(unitId ? { unitId } : {}) }, orderBy: [{ field: '_id', direction: 'asc' }], limit: 500 });

/** The account an unused invite code belongs to (codes are single-use: a bound account is no longer `invited`). */
export const findInvitedStaff = async (store: DocumentStore, inviteCode: string): Promise<Staff | null> => {
  const [invited] = await store.find<Staff>(C, { where: { inviteCode, status: 'invited' }, limit: 1 });
  return invited ?? null;
};

/**
 * Binds a WeChat identity to an invited account, once: re-read inside the transaction, so of two people racing
 * with one code exactly one wins. False when the account was bound (or revoked) meanwhile.
 */
export const bindStaffIdentity = (store: DocumentStore, staffId: string, openid: string): Promise<boolean> =>
  store.transaction(async (tx) => {
    const fresh = await tx.get<Staff>(C, staffId);
    if (!fresh || fresh.status !== 'invited' || fresh.openid) return false;
    return tx.update(C, staffId, { set: { openid, status: 'active' } });
  });
