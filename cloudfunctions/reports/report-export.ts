import { reportExportContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Lead } from '../../domain/lead/lead.schema';
import { districtBreakdown, summariseRollups, teamRows } from '../../domain/report/dashboard.rules';
import { dashboardTable, LEAD_EXPORT_HEADER, leadExportRow, type ExportTable } from '../../domain/report/export-table.rules';
import { previousPeriod, type Period } from '../../domain/report/period.rules';
import type { Staff } from '../../domain/org/staff.schema';
import { defineAction, requireStaff } from '../_lib/define-action';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { leadViewLevel } from '../_lib/lead-access';
import { recordAudit } from '../_lib/repositories/audit.repository';
import { findLeads } from '../_lib/repositories/lead.repository';
import { createNameCache } from '../workspace/lead-views';
import { inScope, matches, matchesAll, type CellConditions } from './report-leads';
import { resolvePeriod, resolveScope, scopeRollups, scopeUnitNames, type ResolvedScope } from './report-scope';
import { tablesToXlsx, tableToCsvBytes } from './spreadsheet-writer';

/** An export is one file in one call: a period's leads up to this many, else the caller narrows it. */
export const EXPORT_MAX_LEADS = 5000;
const SCAN_PAGE = 500;

/** Every lead of the period, in arrival order, a page a request (keyset on createdAt, _id). */
const periodLeads = async (deps: Deps, districtId: string, period: Period): Promise<Lead[]> => {
  const all: Lead[] = [];
  let after: Lead | null = null;
  for (;;) {
    const page: Lead[] = await findLeads(deps.store, {
      where: { districtId, createdAt: { gte: period.start.toISOString(), lt: period.end.toISOString() } },
      ...(after ? { anyOf: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, _id: { gt: after._id } }] } : {}),
      orderBy: [{ field: 'createdAt', direction: 'asc' }, { field: '_id', direction: 'asc' }],
      limit: SCAN_PAGE,
    });
    all.push(...page);
    if (page.length < SCAN_PAGE) return all;
    after = page[page.length - 1] as Lead;
  }
};

interface LeadsExport {
  table: ExportTable;
  contactLeadIds: string[];
  hidden: number;
}

/** What the leads table holds: report.leads' selection (scope, the tapped figure, a heat-map cell), unpaged. */
interface LeadSelection {
  filter: string;
  value: string | undefined;
  where: CellConditions | undefined;
}

const leadsTable = async (deps: Deps, me: Staff, scope: ResolvedScope, period: Period, selection: LeadSelection, title: string): Promise<LeadsExport> => {
  const { filter, value, where } = selection;
  const leads = (await periodLeads(deps, scope.districtId, period)).filter((lead) => inScope(lead, scope) && matches(lead, filter, value) && matchesAll(lead, where));
  const names = createNameCache(deps);
  const rows: string[][] = [];
  const contactLeadIds: string[] = [];
  let hidden = 0;
  for (const lead of leads) {
    const view = leadViewLevel(me, lead);
    if (!view) {
      hidden += 1;
      continue;
    }
    if (rows.length >= EXPORT_MAX_LEADS) throw new DomainError('REPORT.EXPORT_TOO_LARGE');
    if (view === 'handler') contactLeadIds.push(lead._id);
    const [carrierName, handlerUnitName, handlerName, creditName] = await Promise.all([
      names.carrierName(lead.source.carrierId),
      names.unitName(lead.handling.unitId),
      names.staffName(lead.handling.staffId),
      names.staffName(lead.credit.staffId),
    ]);
    // A carrier manager brought into the lead exports what a referrer does: no contact data.
    rows.push(leadExportRow({ lead, view: view === 'participant' ? 'referrer' : view, carrierName, handlerUnitName, handlerName, creditName }));
  }
  return { table: { title, header: LEAD_EXPORT_HEADER, rows }, contactLeadIds, hidden };
};

/** The dashboard's figures as a table; the city's also lists each district (本期 / 上期 inquiries), as on screen. */
const dashboardExport = async (deps: Deps, scope: ResolvedScope, period: Period, title: string): Promise<ExportTable> => {
  const previous = previousPeriod(period);
  const [rows, previousRows, unitNames] = await Promise.all([scopeRollups(deps, scope, period), scopeRollups(deps, scope, previous), scopeUnitNames(deps, scope)]);
  const [now, before] = scope.scope === 'team' ? [teamRows(rows, scope.memberStaffIds), teamRows(previousRows, scope.memberStaffIds)] : [rows, previousRows];
  const table = dashboardTable(title, summariseRollups(now, unitNames), summariseRollups(before, unitNames));
  if (scope.scope === 'city') {
    for (const d of districtBreakdown(scope.districts, now, before, new Map())) table.rows.push(['按区县', d.name, d.inquiries, d.previousInquiries]);
  }
  return table;
};

/** File names people recognise in a chat: 招商数据_全区_2026年11月_线索.xlsx (no path characters). */
const fileNameOf = (scopeLabel: string, periodLabel: string, table: 'leads' | 'dashboard', format: string) =>
  `招商数据_${scopeLabel}_${periodLabel}_${table === 'leads' ? '线索' : '看板'}.${format}`.replace(/[\\/:*?"<>|\s]+/g, '');

/**
 * 导出: the scope and period are authorized exactly as the dashboard's; the leads table holds only leads the
 * caller may open, contact data only where they may reveal it. The audit entry (who, what, which leads' contact)
 * is written before the file, so no file leaves without its record.
 */
export const reportExportAction = defineAction(reportExportContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const period = resolvePeriod(input.period, ctx.now);
  const scope = await resolveScope(deps, me, input);
  // A city admin exports figures only: the leads table is refused like the leads themselves.
  if (input.table === 'leads' && !scope.leadsOpen) throw new DomainError('AUTH.FORBIDDEN');
  const filter = input.filter ?? 'all';
  if (input.table === 'dashboard' && (input.filter || input.value || input.where)) throw new DomainError('VALIDATION.INVALID_INPUT', [input.where ? 'where' : 'filter']);
  if (filter !== 'all' && !input.value) throw new DomainError('VALIDATION.INVALID_INPUT', ['value']);
  if (filter === 'all' && input.value) throw new DomainError('VALIDATION.INVALID_INPUT', ['value']);
  const title = `${scope.label} ${period.label}`;
  const result = input.table === 'leads' ? await leadsTable(deps, me, scope, period, { filter, value: input.value, where: input.where }, title) : { table: await dashboardExport(deps, scope, period, title), contactLeadIds: [], hidden: 0 };
  const bytes = input.format === 'xlsx' ? await tablesToXlsx([result.table]) : tableToCsvBytes(result.table);
  const at = ctx.now.toISOString();
  const auditId = newId('aud', ctx.now, deps.randomBytes);
  await recordAudit(deps.store, {
    _id: auditId,
    districtId: me.districtId,
    action: 'report.export',
    target: { kind: 'district', id: me.districtId },
    staffId: me._id,
    actorName: me.name,
    at,
    before: null,
    after: { table: input.table, format: input.format, scope: scope.scope, scopeLabel: scope.label, scopeDistrictId: scope.districtId, ...(scope.scope === 'team' ? { teamId: scope.teamId } : {}), period: period.key, filter, value: input.value ?? null, where: input.where ?? null, rows: result.table.rows.length, contactLeadIds: result.contactLeadIds },
  });
  const fileName = fileNameOf(scope.label, period.label, input.table, input.format);
  let url: string;
  try {
    const fileId = await deps.files.put(`exports/${me.districtId}/${auditId}.${input.format}`, bytes);
    url = await deps.files.linkFor(fileId, fileName);
  } catch (error) {
    deps.log.error('report.export_file_failed', { error: error instanceof Error ? error.message : 'unknown' });
    throw new DomainError('REPORT.FILE_FAILED');
  }
  return { fileName, url, rows: result.table.rows.length, contactRows: result.contactLeadIds.length, hidden: result.hidden };
});
