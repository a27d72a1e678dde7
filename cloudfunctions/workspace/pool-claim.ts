import { poolClaimContract } from '../../domain/api/workspace.contracts';
import { DomainError } from '../../domain/common/result';
import { poolClaimRefusal, poolIdleSchedule } from '../../domain/lead/routing.rules';
import { DEFAULT_POOL_RULES } from '../../domain/org/pool-rules.schema';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { getLead, recordLeadChange } from '../_lib/repositories/lead.repository';
import { getDistrict } from '../_lib/repositories/org.repository';
import { countClaimedOpenLeads } from '../_lib/repositories/pool-claim.repository';
import { loadLeadFor } from './load-lead';

/**
 * 认领: a member of the pool's unit takes an unassigned lead. The write is checked against the lead's `rev`, so
 * of two people claiming at once exactly one wins; the other is told it was just claimed. The idle clock starts
 * now: the SLA timer warns the holder, then puts the lead back, if they do nothing with it.
 */
export const poolClaimAction = defineAction(poolClaimContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'view');
  const district = await getDistrict(deps.store, lead.districtId);
  if (!district) throw new DomainError('DISTRICT.NOT_FOUND');
  const rules = district.poolRules ?? DEFAULT_POOL_RULES;
  const held = await countClaimedOpenLeads(deps.store, staff._id);
  const refusal = poolClaimRefusal(staff, lead, held, rules);
  if (refusal) throw new DomainError(refusal);
  // The page showed an older lead: someone changed it since (perhaps claimed and gave it back).
  if (input.rev !== undefined && input.rev !== lead._rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');

  const at = ctx.now.toISOString();
  const { warnAt, returnAt } = poolIdleSchedule(ctx.now, rules, district.workingCalendar);
  const claimed = await recordLeadChange(
    deps.store,
    lead,
    { 'handling.staffId': staff._id, pool: { heldBy: staff._id, claimedAt: at, checkAt: warnAt.toISOString(), warnedFor: null }, updatedAt: at },
    [
      {
        _id: newId('ev', ctx.now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: 'pool_claimed',
        actor: { kind: 'staff', staffId: staff._id, name: staff.name },
        text: `${staff.name} 认领了这条线索`,
        data: { returnsAt: returnAt.toISOString() },
        at,
      },
    ],
    lead._rev,
  );
  if (!claimed) {
    const now = await getLead(deps.store, lead._id);
    throw new DomainError(now && now.handling.staffId !== null ? 'LEAD.ALREADY_CLAIMED' : 'LEAD.CONCURRENT_UPDATE');
  }
  return { rev: lead._rev + 1, held: held + 1, limit: rules.maxClaimedOpen, returnsAt: returnAt.toISOString() };
});
