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

const CHALLENGES = COLLECTIONS.webChallenges.name;

export const getLeadClaim = (tx: TransactionStore, id: string) => tx.get<LeadClaim>(CLAIMS, id);

/** A new web inquiry's claim, unclaimed; written with the lead. */
export const insertLeadClaim = (tx: TransactionStore, id: string, leadId: string, at: string) =>
  tx.insert<LeadClaim>(CLAIMS, { _id: id, leadId, claimedBy: null, claimedAt: null, createdAt: at });

interface UsedChallenge {
  _id: string;
  expiresAt: string;
  leadId: string;
  [k: string]: unknown;
}

/** Whether a solved challenge was already spent (by id). */
export const isChallengeUsed = async (tx: TransactionStore, id: string): Promise<boolean> => (await tx.get<UsedChallenge>(CHALLENGES, id)) !== null;

/** Spends a solved challenge with the lead it let in; kept until it expires. */
export const recordUsedChallenge = (tx: TransactionStore, id: string, expiresAt: string, leadId: string) => tx.insert<UsedChallenge>(CHALLENGES, { _id: id, expiresAt, leadId });

/** Marks the claim used and makes the WeChat user the lead's submitter, in the caller's transaction. */
export const bindClaimedLead = async (tx: TransactionStore, claim: LeadClaim, openid: string, at: string): Promise<void> => {
  await Promise.all([
    tx.update(CLAIMS, claim._id, { set: { claimedBy: openid, claimedAt: at } }),
    tx.update(LEADS, claim.leadId, { set: { 'submitter.openid': openid, updatedAt: at } }),
  ]);
};
