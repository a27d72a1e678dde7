import { poolClaimContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { poolClaimRefusal, poolIdleSchedule } from '../../domain/lead/routing.rules';
import { DEFAULT_POOL_RULES } from '../../domain/org/pool-rules.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { getLead, recordLeadChangeIn } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { advanceClaimGuard, countClaimedOpenLeads, createClaimGuard, readClaimGuardRev } from '../_lib/repositories/pool-claim.repository';
import { loadLeadFor } from './load-lead';

/** How often a claim counts again after another claim by the same person committed under it. */
const GUARD_ATTEMPTS = 5;

/** Thrown inside the claim's transaction to roll its guard step back when the lead moved first. */
class LeadMoved extends Error {}

/**
 * 认领: a member of the pool's unit takes an unassigned lead. The write is checked against the lead's `rev`, so
 * of two people claiming at once exactly one wins; the other is told it was just claimed. The pool limit holds
 * under concurrency too: the person's claim guard is read before their open claims are counted and moved on,
 * rev-checked, in the claim's transaction, so of two claims one person sends at once the second counts again
 * (and is refused at the limit). The idle clock starts now: the SLA timer warns the holder, then puts the lead
 * back, if they do nothing with it.
 */
export const poolClaimAction = defineAction(poolClaimContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const district = await getDistrict(deps.store, lead.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const rules = district.poolRules ?? DEFAULT_POOL_RULES;

  const at = ctx.now.toISOString();
  const { warnAt, returnAt } = poolIdleSchedule(ctx.now, rules, district.workingCalendar);
  const set = { 'handling.staffId': staff._id, pool: { heldBy: staff._id, claimedAt: at, checkAt: warnAt.toISOString(), warnedFor: null }, updatedAt: at };
  const events = [
    {
      _id: newId('ev', ctx.now, deps.randomBytes),
      leadId: lead._id,
      districtId: lead.districtId,
      type: 'pool_claimed' as const,
      actor: { kind: 'staff' as const, staffId: staff._id, name: staff.name },
      text: `${staff.name} 认领了这条线索`,
      data: { returnsAt: returnAt.toISOString() },
      at,
    },
  ];
  for (let attempt = 0; attempt < GUARD_ATTEMPTS; attempt += 1) {
    // The guard first, then the count: any claim of this person that commits after the count moves the guard.
    const guardRev = await readClaimGuardRev(deps.store, staff._id);
    const held = await countClaimedOpenLeads(deps.store, staff._id);
    const refusal = poolClaimRefusal(staff, lead, held, rules);
    if (refusal) throw new DomainError(refusal);
    // The page showed an older lead: someone changed it since (perhaps claimed and gave it back).
    if (input.rev !== undefined && input.rev !== lead._rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
    if (guardRev === null) {
      // The person's first claim: their guard exists from now on; read it again, then count again after it.
      await createClaimGuard(deps.store, staff._id, at);
      continue;
    }
    let outcome: 'claimed' | 'guard_moved';
    try {
      outcome = await deps.store.transaction(async (tx) => {
        if (!(await advanceClaimGuard(tx, staff._id, guardRev, at))) return 'guard_moved' as const;
        if (!(await recordLeadChangeIn(tx, lead, set, events, lead._rev))) throw new LeadMoved();
        return 'claimed' as const;
      });
    } catch (error) {
      if (!(error instanceof LeadMoved)) throw error;
      const now = await getLead(deps.store, lead._id);
      throw new DomainError(now && now.handling.staffId !== null ? 'LEAD.ALREADY_CLAIMED' : 'LEAD.CONCURRENT_UPDATE');
    }
    if (outcome === 'claimed') return { rev: lead._rev + 1, held: held + 1, limit: rules.maxClaimedOpen, returnsAt: returnAt.toISOString() };
  }
  // This person's own claims kept committing under this one: the page asks them to try again.
  throw new DomainError('LEAD.CONCURRENT_UPDATE');
});
