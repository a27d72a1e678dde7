import * as v from 'valibot';
import { HEATMAP_KINDS, HEATMAP_MEASURES } from '../report/heatmap.rules';
import { defineContract } from './contract';
import { ReportScopeRequestSchema, REPORT_SCOPES, ScopeChoicesSchema } from './report.contracts';

const PeriodViewSchema = v.object({ kind: v.string(), key: v.string(), label: v.string(), start: v.string(), end: v.string() });
const AxisSchema = v.array(v.object({ key: v.string(), label: v.string(), inquiries: v.number() }));
const DimensionSchema = v.picklist(['origin', 'industry', 'street', 'carrierType']);
const CellSchema = v.object({
  inquiries: v.number(),
  signed: v.number(),
  landed: v.number(),
  conversionPct: v.nullable(v.number()),
  value: v.nullable(v.number()),
  step: v.number(),
  spoken: v.string(),
});

/** 招商热力图: one scope's inquiries of a period as a grid (origin × industry, or street × carrier type), from roll-ups. */
export const heatmapContract = defineContract({
  name: 'report.heatmap',
  fn: 'reports',
  access: 'staff',
  writes: false,
  request: v.strictObject({ ...ReportScopeRequestSchema, kind: v.picklist(HEATMAP_KINDS), measure: v.picklist(HEATMAP_MEASURES) }),
  response: v.object({
    scope: v.picklist(REPORT_SCOPES),
    scopeLabel: v.string(),
    period: PeriodViewSchema,
    kind: v.picklist(HEATMAP_KINDS),
    measure: v.picklist(HEATMAP_MEASURES),
    rowDimension: DimensionSchema,
    columnDimension: DimensionSchema,
    rows: AxisSchema,
    columns: AxisSchema,
    cells: v.array(v.array(CellSchema)),
    namedRowKeys: v.array(v.string()),
    namedColumnKeys: v.array(v.string()),
    legend: v.array(v.object({ step: v.number(), from: v.number(), upTo: v.number() })),
    totals: v.object({ inquiries: v.number(), signed: v.number(), landed: v.number(), conversionPct: v.nullable(v.number()) }),
    /** Whether a cell opens its leads for this caller (a city admin reads figures only, as on 数据看板). */
    leadsOpen: v.boolean(),
    /** The wider scopes this caller may pick, as 数据看板's. */
    choices: ScopeChoicesSchema,
  }),
});
