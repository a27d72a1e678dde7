import * as v from 'valibot';
import { id, line } from '../common/text';
import { CONFIRMABLE_STAGES, chinaDay, LeadFactsSchema, StageConfirmationSchema } from '../lead/lead-facts.schema';
import { defineContract } from './contract';

const rev = () => v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * 补充企业信息: staff complete what the numbers need. Each call states the whole set (an omitted field clears
 * it), so what the lead carries is always what the last person confirmed.
 */
export const setLeadFactsContract = defineContract({
  name: 'lead.setFacts',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    leadId: id(),
    /** Spaces and hyphens are dropped before the check; 18 characters after that. */
    creditCode: v.optional(v.pipe(v.string(), v.maxLength(30, '统一社会信用代码过长'))),
    companyName: v.optional(line(1, 60)),
    /** Planned investment in 万元 (up to 1 万亿元). */
    investmentWan: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0, '投资额不能为负'), v.maxValue(100_000_000, '投资额过大'))),
    originCity: v.optional(line(1, 20)),
    eventId: v.optional(id()),
    rev: rev(),
  }),
  response: v.object({
    rev: v.number(),
    facts: LeadFactsSchema,
    /** Accepted with a caution (a failed checksum): shown to the staff member, never a refusal. */
    warnings: v.array(v.object({ code: v.string(), message: v.string() })),
  }),
});

/** 投资促进局确认: the bureau confirms a 签约 or 落地 with a note and the day it happened; only confirmed stages score. */
export const confirmStageContract = defineContract({
  name: 'lead.confirmStage',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), stage: v.picklist(CONFIRMABLE_STAGES), note: line(1, 200), date: chinaDay(), rev: rev() }),
  response: v.object({ rev: v.number(), confirmation: StageConfirmationSchema }),
});
