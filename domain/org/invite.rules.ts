import type { Staff } from './staff.schema';

export const INVITE_CODE_LENGTH = 8;
export const INVITE_VALID_DAYS = 7;
// No 0/O or 1/I: codes are read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An invite code from random bytes (32 symbols: each byte's low 5 bits, no bias). */
export const inviteCodeFrom = (bytes: Uint8Array): string => {
  if (bytes.length < INVITE_CODE_LENGTH) throw new Error('need 8 random bytes');
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) code += ALPHABET[bytes[i] & 31];
  return code;
};

export const inviteExpiry = (now: Date): string => new Date(now.getTime() + INVITE_VALID_DAYS * 86_400_000).toISOString();

/** Whether the account holds an unused code (hashed, or a plain one from before codes were hashed). */
export const hasInvite = (staff: Pick<Staff, 'inviteCode' | 'inviteCodeHash'>): boolean => !!staff.inviteCodeHash || !!staff.inviteCode;

/** A code binds only an invited (never bound) account, before its expiry. */
export const inviteUsable = (staff: Pick<Staff, 'status' | 'openid' | 'inviteCode' | 'inviteCodeHash' | 'inviteExpiresAt'>, now: Date): boolean =>
  staff.status === 'invited' && !staff.openid && hasInvite(staff) && (!staff.inviteExpiresAt || Date.parse(staff.inviteExpiresAt) > now.getTime());
