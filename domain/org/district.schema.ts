import { WorkingCalendarSchema } from '../calendar/working-calendar.schema';
import * as v from 'valibot';
import { ArenaWeightsSchema } from '../ranking/arena-weights.schema';
import { englishLine, englishList, englishParagraph } from '../common/content-language';
import { id, imageRef, isoTime, line, paragraph } from '../common/text';
import { PrivacySettingsSchema } from '../privacy/privacy-settings';
import { PoolRulesSchema } from './pool-rules.schema';

export const SlaSettingsSchema = v.strictObject({
  /** First real response due this many working hours after a lead arrives. */
  firstResponseHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 14)),
  /** After the first response, a follow-up is due every N days until the lead is closed. */
  followUpDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90)),
  /** Escalation ladder as multiples of the deadline: remind handler, copy unit leader, return to pool. */
  remindAt: v.pipe(v.number(), v.minValue(1), v.maxValue(10)),
  copyLeaderAt: v.pipe(v.number(), v.minValue(1), v.maxValue(10)),
  reassignAt: v.pipe(v.number(), v.minValue(1), v.maxValue(20)),
});
export type SlaSettings = v.InferOutput<typeof SlaSettingsSchema>;

export const DEFAULT_SLA: SlaSettings = {
  firstResponseHours: 8, // one working day
  followUpDays: 7,
  remindAt: 1,
  copyLeaderAt: 2,
  reassignAt: 3,
};

export const HeadlineFigureSchema = v.strictObject({ label: line(1, 12), value: line(1, 16), labelEn: englishLine(24), valueEn: englishLine(24) });

/** A policy highlight with an optional PDF in cloud storage (opened with openDocument in WeChat). */
export const PolicyDocSchema = v.strictObject({
  title: line(1, 60),
  summary: line(0, 200),
  titleEn: englishLine(120),
  summaryEn: englishLine(400),
  fileId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(512), v.regex(/^cloud:\/\/[\w./-]+\.pdf$/, 'PDF 文件地址不正确')))),
});
export type PolicyDoc = v.InferOutput<typeof PolicyDocSchema>;

/** Days after which a carrier's vacancy must be re-confirmed by its manager. */
export const DEFAULT_VACANCY_CONFIRM_DAYS = 30;

export const DistrictSchema = v.strictObject({
  _id: id(),
  name: line(1, 30),
  slogan: line(1, 40),
  intro: paragraph(1, 1000),
  keyIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(12)),
  /** English variants for investors reading English (see domain/common/content-language.ts); each optional. */
  nameEn: englishLine(60),
  sloganEn: englishLine(80),
  introEn: englishParagraph(2000),
  /** `keyIndustriesEn[i]` translates `keyIndustries[i]`; cards' and people's industries read it too. */
  keyIndustriesEn: englishList(12, 40),
  headlineFigures: v.pipe(v.array(HeadlineFigureSchema), v.maxLength(6)),
  /** Titles shown on the card; `policies` carries the same list with summaries and attachments. */
  policyHighlights: v.pipe(v.array(line(1, 60)), v.maxLength(8)),
  policyHighlightsEn: englishList(8, 120),
  policies: v.optional(v.pipe(v.array(PolicyDocSchema), v.maxLength(8))),
  /** Districts of one city deployment share it; a city admin reads them all. */
  cityId: v.optional(id()),
  vacancyConfirmDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(7), v.maxValue(365))),
  coverImage: v.optional(v.nullable(imageRef())),
  investmentBureauUnitId: id(),
  onDutyStaffId: v.optional(id()),
  /** The card a bare link or code opens: usually the district head's. */
  defaultCardId: v.optional(v.nullable(id())),
  sla: SlaSettingsSchema,
  /** 擂台赛 weights set by the district admin (report.setWeights); absent: the published defaults. */
  arenaWeights: v.optional(ArenaWeightsSchema),
  /** Public holidays and 调休 days the SLA clock counts on (seeded from chinese-days); without one, Monday–Friday. */
  workingCalendar: v.optional(WorkingCalendarSchema),
  /** 待认领 pool rules (how many claimed leads one person may hold, idle return); without them, the defaults. */
  poolRules: v.optional(PoolRulesSchema),
  /** Shown as a 演示数据 banner: demo districts are fictional. */
  isDemo: v.boolean(),
  privacyNoticeVersion: line(1, 20),
  /** Answer period for investors' personal-data requests and the retention of closed inquiries (defaults apply without). */
  privacy: v.optional(PrivacySettingsSchema),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type District = v.InferOutput<typeof DistrictSchema>;
