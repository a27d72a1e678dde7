import * as v from 'valibot';
import { id, line } from '../common/text';
import { CONFIRMABLE_STAGES, chinaDay, LeadFactsSchema, StageConfirmationSchema } from '../lead/lead-facts.schema';
import { DISPUTE_STATUSES } from '../ranking/first-report-dispute.schema';
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

/** What a lead's page shows of a 首报 dispute: who raised it, why, and the admin's decision. */
export const DisputeViewSchema = v.object({
  status: v.picklist(DISPUTE_STATUSES),
  reason: v.string(),
  raisedByName: v.string(),
  raisedAt: v.string(),
  holderUnitName: v.nullable(v.string()),
  decision: v.nullable(v.object({ name: v.string(), reason: v.string(), at: v.string() })),
});

/**
 * 首报: who holds this company's first report in the district. A later reporter is told which unit holds it
 * (the lead itself only if they may open it) and may dispute it.
 */
export const firstReportContract = defineContract({
  name: 'lead.firstReport',
  fn: 'workspace',
  access: 'staff',
  writes: false,
  request: v.strictObject({ leadId: id() }),
  response: v.object({
    /** False until staff state a credit code or a company name: nothing to match on yet. */
    known: v.boolean(),
    /** Reports of this company in the district, this one included. */
    reports: v.number(),
    holder: v.nullable(
      v.object({
        isThisLead: v.boolean(),
        /** Only when the caller may open that lead. */
        leadId: v.nullable(v.string()),
        unitName: v.nullable(v.string()),
        staffName: v.nullable(v.string()),
        reportedAt: v.string(),
        /** Holds it by the district admin's decision on a dispute, not by arriving first. */
        awarded: v.boolean(),
      }),
    ),
    dispute: v.nullable(DisputeViewSchema),
    canDispute: v.boolean(),
  }),
});

/** 首报申诉: the reporter (or handler) of a later report says the credit is theirs; the district admin decides. */
export const raiseDisputeContract = defineContract({
  name: 'lead.raiseDispute',
  fn: 'workspace',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), reason: line(1, 200), rev: rev() }),
  response: v.object({ rev: v.number(), dispute: DisputeViewSchema }),
});
