import { setLeadFactsContract } from '../../domain/api/lead-facts.contracts';
import { DomainError } from '../../domain/common/result';
import { deriveLeadFacts } from '../../domain/lead/lead-facts.rules';
import type { LeadFacts } from '../../domain/lead/lead-facts.schema';
import { INVESTMENT_TIERS } from '../../domain/lead/investment-tier.rules';
import { defineAction } from '../_lib/define-action';
import { newId } from '../_lib/ids';
import { recordLeadChange } from '../_lib/repositories/lead.repository';
import { loadLeadFor } from './load-lead';

const tierLabel = (id: string | null) => INVESTMENT_TIERS.find((t) => t.id === id)?.label ?? '未填';

/** What the thread says about new facts: short, and without contact data. */
const describe = (f: Omit<LeadFacts, 'updatedAt' | 'updatedBy'>): string =>
  [
    `信用代码 ${f.creditCode ?? '未填'}${f.creditCodeChecksumOk === false ? '（校验位不符）' : ''}`,
    `计划投资 ${f.investmentWan === null ? '未填' : `${f.investmentWan} 万元`}（${tierLabel(f.investmentTier)}）`,
    `来源地 ${f.originRegion ?? f.originCity ?? '未填'}`,
    ...(f.eventId ? [`活动 ${f.eventId}`] : []),
  ].join('；');

/** 补充企业信息: whoever may act on the lead sets its company facts; audited and shown in the thread. */
export const setLeadFactsAction = defineAction(setLeadFactsContract, async (deps, ctx, input) => {
  const { lead, staff } = await loadLeadFor(deps, ctx, input.leadId, 'act');
  const outcome = deriveLeadFacts(input, lead.contact.company);
  if (!outcome.ok) throw new DomainError('LEAD.CREDIT_CODE_MALFORMED', ['creditCode']);
  if (lead._rev !== input.rev) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  const at = ctx.now.toISOString();
  const facts: LeadFacts = { ...outcome.facts, updatedAt: at, updatedBy: staff._id };
  const saved = await recordLeadChange(
    deps.store,
    lead,
    { facts, updatedAt: at },
    [
      {
        _id: newId('ev', ctx.now, deps.randomBytes),
        leadId: lead._id,
        districtId: lead.districtId,
        type: 'facts_set',
        actor: { kind: 'staff', staffId: staff._id, name: staff.name },
        text: describe(outcome.facts),
        at,
      },
    ],
    input.rev,
    [{ _id: newId('aud', ctx.now, deps.randomBytes), action: 'facts_set', leadId: lead._id, districtId: lead.districtId, staffId: staff._id, at }],
  );
  if (!saved) throw new DomainError('LEAD.CONCURRENT_UPDATE');
  return { rev: input.rev + 1, facts, warnings: outcome.warnings };
});
