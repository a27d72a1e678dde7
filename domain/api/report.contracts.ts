import * as v from 'valibot';
import { id, line } from '../common/text';
import { ArenaWeightsSchema } from '../ranking/arena-weights.schema';
import { AdjustmentPointsSchema, CONTESTANT_KINDS } from '../ranking/arena-snapshot.schema';
import { DISPUTE_DECISIONS, DISPUTE_STATUSES } from '../ranking/first-report-dispute.schema';
import { DisputeViewSchema } from './lead-facts.contracts';
import { chinaDay } from '../lead/lead-facts.schema';
import { LEAD_STATUSES } from '../lead/lead-status.rules';
import { defineContract } from './contract';
import { StaffLeadSummarySchema } from './workspace.contracts';

/**
 * Whose numbers: a person's (the leads they brought), a unit's, a team's (its current members' leads), the
 * district's, the city's (every district of the city summed, for a city admin).
 */
export const REPORT_SCOPES = ['person', 'unit', 'district', 'team', 'city'] as const;
export const PERIOD_KINDS = ['xun', 'month', 'quarter', 'half', 'year', 'range'] as const;

/** A period: its kind and key (2026-12-X1, 2026-12, 2026-Q4, 2026-H2, 2026; default: the one containing today), or a range of days. */
export const PeriodRequestSchema = v.strictObject({
  kind: v.picklist(PERIOD_KINDS),
  key: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-X[1-3])?|-Q[1-4]|-H[12])?$/, '统计周期格式不正确'))),
  from: v.optional(chinaDay()),
  to: v.optional(chinaDay()),
});

export const ReportScopeRequestSchema = {
  scope: v.picklist(REPORT_SCOPES),
  /** For `unit`: default the caller's own. */
  unitId: v.optional(id()),
  /** For `person`: default the caller. */
  staffId: v.optional(id()),
  /** For `team`: which team (required). */
  teamId: v.optional(id()),
  /** For `district`: default the caller's own; a city admin names any district of the city. */
  districtId: v.optional(id()),
  period: PeriodRequestSchema,
};

/** The wider scopes a caller may pick on 数据看板 and 招商热力图: the teams they may read, and whether the city. */
export const ScopeChoicesSchema = v.object({ teams: v.array(v.object({ teamId: v.string(), name: v.string() })), city: v.boolean() });

const PeriodViewSchema = v.object({ kind: v.picklist(PERIOD_KINDS), key: v.string(), label: v.string(), start: v.string(), end: v.string() });
const BreakdownSchema = v.array(v.object({ key: v.string(), label: v.string(), count: v.number() }));

export const DashboardFiguresSchema = v.object({
  inquiries: v.number(),
  byUnit: BreakdownSchema,
  byChannel: BreakdownSchema,
  byIndustry: BreakdownSchema,
  byOrigin: BreakdownSchema,
  funnel: v.array(v.object({ stage: v.picklist(LEAD_STATUSES), label: v.string(), count: v.number() })),
  invalid: v.number(),
  responded: v.number(),
  respondedInTime: v.number(),
  promisesKeptPct: v.nullable(v.number()),
  responseMedianMinutes: v.nullable(v.number()),
  responseP90Minutes: v.nullable(v.number()),
  confirmedSigned: v.number(),
  confirmedLanded: v.number(),
});

/** One district of the city's dashboard: the figures a city admin compares, this period against the last. */
export const DistrictRowSchema = v.object({
  districtId: v.string(),
  name: v.string(),
  inquiries: v.number(),
  previousInquiries: v.number(),
  funnel: v.array(v.object({ stage: v.picklist(LEAD_STATUSES), label: v.string(), count: v.number() })),
  responseMedianMinutes: v.nullable(v.number()),
  responded: v.number(),
  promisesKeptPct: v.nullable(v.number()),
  confirmedSigned: v.number(),
  overdueNow: v.number(),
});

/** 数据看板: one scope, one period, against the period before it; read from roll-ups, never by counting leads. */
export const dashboardContract = defineContract({
  name: 'report.dashboard',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject(ReportScopeRequestSchema),
  response: v.object({
    scope: v.picklist(REPORT_SCOPES),
    scopeLabel: v.string(),
    period: PeriodViewSchema,
    previous: PeriodViewSchema,
    figures: DashboardFiguresSchema,
    previousFigures: DashboardFiguresSchema,
    /** Unanswered past the promise right now, among the leads this scope handles. */
    overdueNow: v.number(),
    /** `city` only: each district of the city, in id order. */
    byDistrict: v.optional(v.array(DistrictRowSchema)),
    /** Whether the figures open their leads for this caller (a city admin reads figures only, never leads). */
    leadsOpen: v.boolean(),
    /** The wider scopes this caller may pick: the teams they may read, and whether the city. */
    choices: ScopeChoicesSchema,
  }),
});

/** What a tapped bar stands for: inquiries of one unit, channel, industry or origin, or those that reached a stage. */
export const REPORT_LEAD_FILTERS = ['unit', 'channel', 'industry', 'origin', 'stage', 'all'] as const;

/** A heat-map cell's conditions: its row's and column's dimension, and for signings/landings the confirmed stage. */
export const REPORT_CELL_FILTERS = ['origin', 'industry', 'street', 'carrierType', 'confirmed'] as const;
/** One condition: the lead's value is one of `values` — or, with `except` («其他»), none of them. */
export const ReportCellConditionSchema = v.strictObject({
  filter: v.picklist(REPORT_CELL_FILTERS),
  values: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(40))), v.minLength(1), v.maxLength(12)),
  except: v.optional(v.boolean()),
});
/** A heat-map cell: further conditions, all of which a lead must meet — one schema for listing and exporting them. */
export const ReportCellWhereSchema = v.optional(v.pipe(v.array(ReportCellConditionSchema), v.minLength(1), v.maxLength(3)));

/** 点开看线索: the leads behind a figure, as far as the caller may see them. */
export const reportLeadsContract = defineContract({
  name: 'report.leads',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({
    ...ReportScopeRequestSchema,
    filter: v.picklist(REPORT_LEAD_FILTERS),
    value: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(120))),
    /** A heat-map cell: further conditions, all of which a lead must meet (see REPORT_CELL_FILTERS). */
    where: ReportCellWhereSchema,
  }),
  response: v.object({
    items: v.array(StaffLeadSummarySchema),
    nextCursor: v.nullable(v.string()),
    /** Leads behind the figure the caller may not open (other units'): counted, not shown. */
    hidden: v.number(),
  }),
});

const ScoreLineSchema = v.object({
  contestantId: v.string(),
  name: v.string(),
  raw: v.number(),
  score: v.number(),
  rank: v.number(),
  /** «含调整 +5，原因…» when the total includes audited adjustments made after the lock. */
  adjustmentNote: v.nullable(v.string()),
});
export const ScoreItemSchema = v.object({ kind: v.picklist(['stage', 'response', 'penalty', 'adjustment']), label: v.string(), points: v.number(), leadId: v.optional(v.string()) });

/** 擂台赛: the units of the caller's district ranked for a quarter or a month; top N, and the caller's unit item by item. */
export const arenaContract = defineContract({
  name: 'report.arena',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({
    kind: v.picklist(['quarter', 'month']),
    key: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-(\d{2}|Q[1-4])$/, '统计周期格式不正确'))),
  }),
  response: v.object({
    period: v.object({ kind: v.string(), key: v.string(), label: v.string(), start: v.string(), end: v.string() }),
    contestants: v.number(),
    topN: v.number(),
    top: v.array(ScoreLineSchema),
    own: v.nullable(v.object({ ...ScoreLineSchema.entries, items: v.array(ScoreItemSchema) })),
    /** Confirmed projects left out because another unit holds the company's first report (首报). */
    duplicatesRemoved: v.number(),
    /** When the period locks (N working days after it ends), and whether it has: then the board is its snapshot. */
    lock: v.object({ at: v.string(), locked: v.boolean() }),
    /** The same board for the district's teams (a team: its current members' credited leads and roll-up rows). */
    teams: v.object({
      contestants: v.number(),
      top: v.array(ScoreLineSchema),
      own: v.nullable(v.object({ ...ScoreLineSchema.entries, items: v.array(ScoreItemSchema) })),
    }),
  }),
});

/**
 * 擂台赛调整: after a period locks, the district admin's only way to change it — points (±, bounded) for one unit
 * or team, with a reason (and optionally the lead it is about); audited, and shown on the board as its own item.
 */
export const adjustArenaContract = defineContract({
  name: 'report.adjustArena',
  fn: 'reports',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    kind: v.picklist(['quarter', 'month']),
    key: v.pipe(v.string(), v.regex(/^\d{4}-(\d{2}|Q[1-4])$/, '统计周期格式不正确')),
    contestantKind: v.picklist(CONTESTANT_KINDS),
    contestantId: id(),
    points: AdjustmentPointsSchema,
    reason: line(1, 200),
    leadId: v.optional(id()),
  }),
  response: v.object({ adjustmentId: v.string(), before: v.number(), after: v.number() }),
});

/** One 首报 dispute as the district admin reviews it. */
export const DisputeItemSchema = v.object({
  leadId: v.string(),
  rev: v.number(),
  company: v.string(),
  /** The unit credited with the disputing report, and the one holding the first report. */
  unitName: v.nullable(v.string()),
  holderLeadId: v.string(),
  holderUnitName: v.nullable(v.string()),
  reportedAt: v.string(),
  holderReportedAt: v.nullable(v.string()),
  dispute: DisputeViewSchema,
});

/** 首报争议: the district admin's list of disputes in one status (open: waiting for a decision). */
export const disputesContract = defineContract({
  name: 'report.disputes',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({ status: v.picklist(DISPUTE_STATUSES) }),
  response: v.object({ items: v.array(DisputeItemSchema) }),
});

/** 首报裁定: the district admin upholds (the credit moves to the disputing lead) or rejects, with a reason. */
export const decideDisputeContract = defineContract({
  name: 'report.decideDispute',
  fn: 'reports',
  access: 'staff',
  writes: true,
  request: v.strictObject({ leadId: id(), decision: v.picklist(DISPUTE_DECISIONS), reason: line(1, 200), rev: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  response: v.object({ rev: v.number(), dispute: DisputeViewSchema }),
});

/** What an export holds: the leads behind a figure (as report.leads), or the dashboard's figures as a table. */
export const EXPORT_TABLES = ['leads', 'dashboard'] as const;
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

/**
 * 导出: the file is written to storage and answered as a short-lived download link. Contact data only where the
 * caller may reveal it; every export is audited (and each lead whose contact it carries, like a reveal).
 */
export const reportExportContract = defineContract({
  name: 'report.export',
  fn: 'reports',
  access: 'staff',
  writes: true,
  request: v.strictObject({
    ...ReportScopeRequestSchema,
    table: v.picklist(EXPORT_TABLES),
    format: v.picklist(EXPORT_FORMATS),
    /** For `leads`: the figure's filter, as report.leads; default all. */
    filter: v.optional(v.picklist(REPORT_LEAD_FILTERS)),
    value: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40))),
    /** For `leads`: a heat-map cell's conditions, as report.leads — the file holds exactly the listed leads. */
    where: ReportCellWhereSchema,
  }),
  response: v.object({
    fileName: v.string(),
    url: v.string(),
    rows: v.number(),
    /** Rows whose contact data is in the file (audited as reveals). */
    contactRows: v.number(),
    /** Leads of the figure the caller may not open: left out of the file. */
    hidden: v.number(),
  }),
});

/** What a bulletin is stored as: the PDF, the workbook and the share image (PNG) for WeChat groups. */
export const BULLETIN_FORMATS = ['pdf', 'xlsx', 'png'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

const BulletinItemSchema = v.object({
  id: v.string(),
  month: v.string(),
  /** 市级: the city's 全市通报; 区级: a district's. */
  level: v.picklist(['city', 'district']),
  label: v.string(),
  title: v.string(),
  createdAt: v.string(),
  pdfBytes: v.number(),
  /** The share image's size; null on a bulletin made before share images were. */
  pngBytes: v.nullable(v.number()),
  inquiries: v.number(),
  confirmedSigned: v.number(),
  /** A district bulletin's ranking: live when made (locks at `lockAt`, then edition 2) or locked; null for a city one. */
  ranking: v.nullable(v.object({ locked: v.boolean(), lockAt: v.string() })),
  edition: v.number(),
});

/** 每月一通报: the district's bulletins, newest first (the timer makes one per month; past ones stay). */
export const bulletinsContract = defineContract({
  name: 'report.bulletins',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.object({ items: v.array(BulletinItemSchema) }),
});

/**
 * One bulletin's PDF, workbook or share image as a short-lived link; another district's answers like a missing
 * one; an image asked of a bulletin made before share images were: REPORT.BULLETIN_IMAGE_MISSING.
 */
export const bulletinFileContract = defineContract({
  name: 'report.bulletinFile',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({ bulletinId: id(), format: v.picklist(BULLETIN_FORMATS) }),
  response: v.object({ fileName: v.string(), url: v.string() }),
});

/** 计分权重: the weights the district's board scores by, and the published defaults beside them. */
export const weightsContract = defineContract({
  name: 'report.weights',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({}),
  response: v.object({ weights: ArenaWeightsSchema, defaults: ArenaWeightsSchema, custom: v.boolean() }),
});

/** 设置计分权重: the district admin sets the whole set (negative, non-finite or absurd values refused); audited. */
export const setWeightsContract = defineContract({
  name: 'report.setWeights',
  fn: 'reports',
  access: 'staff',
  writes: true,
  request: v.strictObject({ weights: ArenaWeightsSchema }),
  response: v.object({ weights: ArenaWeightsSchema }),
});
