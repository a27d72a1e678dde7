import { fail, isDomainError, ok, type ActionResult } from '../../domain/common/result';
import type { Deps } from '../_lib/deps';
import { inviteCodeHash } from '../_lib/invite-code-hash';
import { getStaffTx, listStaffWithPlainInviteCode, updateStaffFields } from '../_lib/repositories/org-admin.repository';
import type { RequestContext } from '../_lib/request-context';

/** The console's 云端测试 event on `admin` that runs the migration: `{ "Type": "Timer", "TriggerName": "invite-hash-migration" }`. */
export const INVITE_HASH_MIGRATION_TRIGGER = 'invite-hash-migration';
/** Accounts migrated per run: each is a small transaction; run it again until it reports 0 left. */
export const INVITE_MIGRATION_BATCH = 200;

/** Only the console or a timer (no caller identity) starts it; a client's call always carries one. */
export const isInviteHashMigrationEvent = (event: unknown, ctx: Pick<RequestContext, 'openid' | 'visitor'>): boolean =>
  !ctx.openid && !ctx.visitor && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && (event as { TriggerName?: unknown }).TriggerName === INVITE_HASH_MIGRATION_TRIGGER;

/**
 * Turns invite codes stored in plain text (before codes were hashed; the imported demo seed's `DEMO2026`) into
 * their keyed hash, so the staff collection no longer holds a usable code; an unused code keeps binding as before.
 * A code on an account that can no longer bind (bound, revoked) is just dropped. Idempotent; at most a batch a run.
 */
export const hashPlainInviteCodes = async (deps: Pick<Deps, 'store' | 'analyticsSecret'>): Promise<{ hashed: number; dropped: number; left: number }> => {
  const found = await listStaffWithPlainInviteCode(deps.store, INVITE_MIGRATION_BATCH + 1);
  let hashed = 0;
  let dropped = 0;
  for (const s of found.slice(0, INVITE_MIGRATION_BATCH)) {
    const outcome = await deps.store.transaction(async (tx) => {
      const fresh = await getStaffTx(tx, s._id);
      if (!fresh?.inviteCode) return 'none' as const;
      const pending = fresh.status === 'invited' && !fresh.openid;
      // A hash already there is the newer code (issued after hashing began): the plain one is stale.
      const hash = pending && !fresh.inviteCodeHash ? inviteCodeHash(deps.analyticsSecret, fresh.inviteCode) : (fresh.inviteCodeHash ?? null);
      await updateStaffFields(tx, fresh._id, { inviteCode: null, inviteCodeHash: pending ? hash : null });
      return pending && !fresh.inviteCodeHash ? ('hashed' as const) : ('dropped' as const);
    });
    if (outcome === 'hashed') hashed += 1;
    if (outcome === 'dropped') dropped += 1;
  }
  return { hashed, dropped, left: Math.max(0, found.length - INVITE_MIGRATION_BATCH) };
};

/** The migration as the console sees it: its counts, or a typed error (no secret configured, store trouble). */
export const runInviteHashMigration = async (deps: Pick<Deps, 'store' | 'analyticsSecret'>): Promise<ActionResult<{ hashed: number; dropped: number; left: number }>> => {
  try {
    return ok(await hashPlainInviteCodes(deps));
  } catch (error) {
    return isDomainError(error) ? fail(error.code) : fail('STORE.UNAVAILABLE');
  }
};
