import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';
import { INVESTMENT_TIERS } from './investment-tier.rules';

/**
 * What a lead must carry for the numbers (optional to the investor, completed by staff): the company's
 * 统一社会信用代码 and its check, the name's match key for 首报, the planned investment and its tier, the origin
 * region (from the code's region digits, else the stated city) and the event it came from.
 */
export const ORIGIN_SOURCES = ['credit_code', 'stated_city'] as const;

export const LeadFactsSchema = v.strictObject({
  /** Normalised (upper-case, no spaces); kept as entered even when its checksum fails. */
  creditCode: v.nullable(v.string()),
  creditCodeChecksumOk: v.nullable(v.boolean()),
  /** The company's name as staff confirmed it, and its match key (companyMatchKey) for 首报 without a code. */
  companyName: v.nullable(v.string()),
  companyKey: v.nullable(v.string()),
  investmentWan: v.nullable(v.number()),
  investmentTier: v.nullable(v.picklist(INVESTMENT_TIERS.map((t) => t.id))),
  /** GB/T 2260 region code (six digits) when known from the credit code. */
  originRegion: v.nullable(v.pipe(v.string(), v.regex(/^\d{6}$/))),
  originCity: v.nullable(v.string()),
  originSource: v.nullable(v.picklist(ORIGIN_SOURCES)),
  eventId: v.nullable(id()),
  updatedAt: isoTime(),
  updatedBy: id(),
});
export type LeadFacts = v.InferOutput<typeof LeadFactsSchema>;

/** The stages whose scoring needs the investment bureau's confirmation. */
export const CONFIRMABLE_STAGES = ['signed', 'landed'] as const;
export type ConfirmableStage = (typeof CONFIRMABLE_STAGES)[number];

/** A China calendar day, YYYY-MM-DD, that exists. */
export const chinaDay = () =>
  v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
    v.check((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, '日期不存在'),
  );

export const StageConfirmationSchema = v.strictObject({
  staffId: id(),
  staffName: v.string(),
  note: line(1, 200),
  /** The day the bureau confirms the stage happened (signing, or landing). */
  date: chinaDay(),
  at: isoTime(),
});
export type StageConfirmation = v.InferOutput<typeof StageConfirmationSchema>;

export const StageConfirmationsSchema = v.strictObject({
  signed: v.optional(StageConfirmationSchema),
  landed: v.optional(StageConfirmationSchema),
});
