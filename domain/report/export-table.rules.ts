import type { Lead } from '../lead/lead.schema';
import { INVESTMENT_SCALE_LABELS } from '../lead/lead.schema';
import { LEAD_STATUS_LABELS } from '../lead/lead-status.rules';
import { maskPhone } from '../lead/phone.rules';
import { maskContact } from '../lead/contact.rules';
import { CHANNEL_LABELS, PROVINCE_NAMES } from './channel-labels';
import type { DashboardFigures } from './dashboard.rules';
import { NONE, originOf } from './lead-rollup.rules';

/** A table as exported: a header row and text/number cells, one sheet or one CSV file. */
export interface ExportTable {
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
  /** A sentence the table must not be read without (a bulletin's «实时排名，将于…锁定»): under it, in every format. */
  note?: string;
}

/**
 * Cells a spreadsheet would read as a formula (or as a control character that hides one) start with a quote,
 * so they are shown as text (OWASP ASVS 1.2.10, CWE-1236): `= + - @`, tab, CR, NUL. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;
export const escapeFormulaCell = (value: string | number): string | number => (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value);

/** One CSV field (RFC 4180): escaped first, then quoted when it holds a quote, comma or line break. */
export const csvField = (value: string | number): string => {
  const safe = String(escapeFormulaCell(value));
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The whole table as CSV text with a BOM (Excel then reads it as UTF-8) and CRLF line ends. */
export const tableToCsv = (table: ExportTable): string =>
  `\uFEFF${[table.header, ...table.rows, ...(table.note ? [[], [table.note]] : [])].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
const minutes = (n: number | null) => (n === null ? '—' : n);

/** 数据看板 as a table: each figure of the period beside the previous period's. */
export const dashboardTable = (title: string, current: DashboardFigures, previous: DashboardFigures): ExportTable => {
  const rows: ExportTable['rows'] = [
    ['总量', '咨询', current.inquiries, previous.inquiries],
    ['响应', '已响应', current.responded, previous.responded],
    ['响应', '按时响应', current.respondedInTime, previous.respondedInTime],
    ['响应', '按时响应率', pct(current.promisesKeptPct), pct(previous.promisesKeptPct)],
    ['响应', '首次响应中位数（分钟）', minutes(current.responseMedianMinutes), minutes(previous.responseMedianMinutes)],
    ['响应', '首次响应 P90（分钟）', minutes(current.responseP90Minutes), minutes(previous.responseP90Minutes)],
    ['成果', '确认签约', current.confirmedSigned, previous.confirmedSigned],
    ['成果', '确认落地', current.confirmedLanded, previous.confirmedLanded],
    ['成果', '无效', current.invalid, previous.invalid],
  ];
  for (const stage of current.funnel) rows.push(['漏斗', stage.label, stage.count, previous.funnel.find((s) => s.stage === stage.stage)?.count ?? 0]);
  const groups: Array<[string, 'byUnit' | 'byChannel' | 'byIndustry' | 'byOrigin']> = [
    ['按单位', 'byUnit'],
    ['按渠道', 'byChannel'],
    ['按行业', 'byIndustry'],
    ['按来源地', 'byOrigin'],
  ];
  for (const [group, field] of groups) {
    const keys = new Map<string, string>();
    for (const item of [...current[field], ...previous[field]]) if (!keys.has(item.key)) keys.set(item.key, item.label);
    for (const [key, label] of keys) rows.push([group, label, current[field].find((i) => i.key === key)?.count ?? 0, previous[field].find((i) => i.key === key)?.count ?? 0]);
  }
  return { title, header: ['分组', '项目', '本期', '上期'], rows };
};

/** How much of a lead an exported row carries: the caller's view of it (see lead-access). */
export type ExportView = 'handler' | 'colleague' | 'referrer';

export interface LeadExportInput {
  lead: Lead;
  view: ExportView;
  carrierName: string | null;
  handlerUnitName: string;
  handlerName: string | null;
  creditName: string | null;
}

export const LEAD_EXPORT_HEADER = ['线索编号', '提交时间', '状态', '公司', '联系人', '电话', '邮箱', '微信号', '留言', '行业', '投资规模', '来源渠道', '来源地', '意向载体', '处理单位', '处理人', '引荐人', '首次响应时限', '首次响应时间'];

const originLabel = (key: string) => (key === NONE ? '' : (PROVINCE_NAMES[key] ?? key));

const chinaTime = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/**
 * One lead as an exported row, masked per view: contact data in full only for a handler (who may reveal it, and
 * whose export is audited as a reveal); a colleague gets the name and a masked phone; a referrer neither.
 */
export const leadExportRow = ({ lead, view, carrierName, handlerUnitName, handlerName, creditName }: LeadExportInput): string[] => {
  const full = view === 'handler';
  const referrer = view === 'referrer';
  return [
    lead._id,
    chinaTime(lead.createdAt),
    LEAD_STATUS_LABELS[lead.status],
    lead.contact.company,
    referrer ? '' : lead.contact.name,
    full ? (lead.contact.phone ?? '') : referrer ? '' : maskContact(lead.contact, maskPhone).masked,
    full ? (lead.contact.email ?? '') : '',
    full ? (lead.contact.wechatId ?? '') : '',
    referrer ? '' : lead.message,
    lead.need.industry,
    INVESTMENT_SCALE_LABELS[lead.need.scale],
    CHANNEL_LABELS[lead.source.channel],
    originLabel(originOf(lead)),
    carrierName ?? '',
    handlerUnitName,
    handlerName ?? '',
    creditName ?? '',
    chinaTime(lead.sla.firstResponseDueAt),
    chinaTime(lead.sla.firstRespondedAt),
  ];
};
