import type { Staff } from './staff.schema';

type Candidate = Pick<Staff, '_id' | 'districtId' | 'status'> | null | undefined;

/** Someone who can answer a revoked colleague's cards: active, of the same district, not that person. */
export const canSucceed = (revoked: Pick<Staff, '_id' | 'districtId'>, candidate: Candidate): boolean =>
  !!candidate && candidate.status === 'active' && candidate.districtId === revoked.districtId && candidate._id !== revoked._id;

/**
 * Who answers a revoked person's cards when the admin chose nobody: the leader of their unit, else the owner of
 * the district's default card (the district's public face). Null when neither can: the card then stays dark.
 */
export const defaultCardSuccessor = <S extends Candidate>(revoked: Pick<Staff, '_id' | 'districtId'>, unitLeader: S, defaultCardOwner: S): S | null => {
  if (canSucceed(revoked, unitLeader)) return unitLeader;
  if (canSucceed(revoked, defaultCardOwner)) return defaultCardOwner;
  return null;
};
