import { COLLECTIONS } from '../store/collections';
import type { TransactionStore } from '../store/store-port';

const CLAIMS = COLLECTIONS.leadClaims.name;
const LEADS = COLLECTIONS.leads.name;

export interface LeadClaim {
  _id: string;
  leadId: string;
  claimedBy: string | null;
  claimedAt: string | null;
  createdAt: string;
  [k: string]: unknown;
}

export const getLeadClaim = (tx: TransactionStore, id: string) => tx.get<LeadClaim>(CLAIMS, id);

/** Marks the claim used and makes the WeChat user the lead's submitter, in the caller's transaction. */
export const bindClaimedLead = async (tx: TransactionStore, claim: LeadClaim, openid: string, at: string): Promise<void> => {
  await Promise.all([
    tx.update(CLAIMS, claim._id, { set: { claimedBy: openid, claimedAt: at } }),
    tx.update(LEADS, claim.leadId, { set: { 'submitter.openid': openid, updatedAt: at } }),
  ]);
};
