import { inviteUsable } from '../../../domain/org/invite.rules';
import type { Staff } from '../../../domain/org/staff.schema';
import { COLLECTIONS } from '../store/collections';
import { MAX_FIND_LIMIT, type DocumentStore, type TransactionStore } from '../store/store-port';
import { getManyById } from './get-many';

const C = COLLECTIONS.staff.name;

/** By id; works inside a transaction too. */
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

/**
 * The account an unused invite code belongs to (codes are single-use: a bound account is no longer `invited`):
 * by the code's hash, or by the code itself for an account stored before codes were hashed — both asked at once,
 * so the legacy lookup costs no extra wave.
 */
export const findInvitedStaff = async (store: DocumentStore, inviteCode: string, inviteCodeHash: string): Promise<Staff | null> => {
  const [[hashed], [plain]] = await Promise.all([
    store.find<Staff>(C, { where: { inviteCodeHash, status: 'invited' }, limit: 1 }),
    store.find<Staff>(C, { where: { inviteCode, status: 'invited' }, limit: 1 }),
  ]);
  return hashed ?? plain ?? null;
};

/** Whether `code` (with its hash) is the account's current code. */
const holdsCode = (staff: Staff, inviteCode: string, inviteCodeHash: string): boolean =>
  staff.inviteCodeHash ? staff.inviteCodeHash === inviteCodeHash : staff.inviteCode === inviteCode;

/**
 * Binds a WeChat identity to an invited account, once: re-read inside the transaction, so of two people racing
 * with one code exactly one wins. False when the account was bound (or revoked), the code re-issued or revoked,
 * or the code expired meanwhile. The code is spent with the binding.
 */
export const bindStaffIdentity = (store: DocumentStore, staffId: string, openid: string, inviteCode: string, inviteCodeHash: string, now: Date): Promise<boolean> =>
  store.transaction(async (tx) => {
    const fresh = await tx.get<Staff>(C, staffId);
    if (!fresh || fresh.status !== 'invited' || fresh.openid || !holdsCode(fresh, inviteCode, inviteCodeHash) || !inviteUsable(fresh, now)) return false;
    return tx.update(C, staffId, { set: { openid, status: 'active', inviteCode: null, inviteCodeHash: null, inviteExpiresAt: null } });
  });
