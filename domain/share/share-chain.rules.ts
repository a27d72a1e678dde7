import type { Share } from './share.schema';

export interface ShareCredit {
  /** Codes from the root share (the card owner's) down to the one the lead came through. */
  chain: string[];
  /** Staff who shared along the way, root first, without repeats. */
  staffChain: string[];
  /** The staff member credited: the nearest staff sharer to the investor, else the card owner. */
  creditedStaffId: string | null;
  hops: number;
}

const MAX_DEPTH = 64;

/**
 * Walks parent links from `code` to the root. Missing parents end the walk (tolerated, not an error);
 * a cycle (impossible by construction, but data can be edited by hand) ends it too.
 */
export const buildShareChain = (code: string, lookup: (code: string) => Share | undefined): Share[] => {
  const path: Share[] = [];
  const seen = new Set<string>();
  let current = lookup(code);
  while (current && !seen.has(current._id) && path.length < MAX_DEPTH) {
    path.push(current);
    seen.add(current._id);
    current = current.parentCode ? lookup(current.parentCode) : undefined;
  }
  return path.reverse();
};

export const creditFromChain = (chain: readonly Share[], cardOwnerStaffId: string | null): ShareCredit => {
  const staffChain: string[] = [];
  for (const share of chain) {
    if (share.sharerStaffId && !staffChain.includes(share.sharerStaffId)) staffChain.push(share.sharerStaffId);
  }
  const nearestStaff = [...chain].reverse().find((s) => s.sharerStaffId)?.sharerStaffId ?? null;
  return {
    chain: chain.map((s) => s._id),
    staffChain,
    creditedStaffId: nearestStaff ?? cardOwnerStaffId,
    hops: chain.length,
  };
};
