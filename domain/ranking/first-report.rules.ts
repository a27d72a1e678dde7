import { contactKeyOf } from '../lead/contact.rules';
import type { Lead } from '../lead/lead.schema';
import { companyMatchKey } from '../lead/company-name.rules';
import type { LeadEvent } from '../lead/lead-event.schema';
import { LEAD_STATUSES, type LeadStatus } from '../lead/lead-status.rules';

/**
 * 首报: a company is one project however many units report it — the same credit code, else the same normalised
 * name and phone. The first verified report keeps the credit: the earliest lead not closed as invalid (a report
 * judged invalid verified nothing). The district admin may award the credit to a later report by upholding its
 * dispute; then that lead holds it.
 */
export const projectKeyOf = (lead: Pick<Lead, 'facts' | 'contact'>): string =>
  lead.facts?.creditCode ? `code:${lead.facts.creditCode}` : `name:${lead.facts?.companyKey ?? companyMatchKey(lead.contact.company)}|${contactKeyOf(lead.contact)}`;

/** Whether staff have stated what identifies the project (a code, or a confirmed company name). */
export const isProjectKnown = (lead: Pick<Lead, 'facts'>): boolean => Boolean(lead.facts?.creditCode || lead.facts?.companyKey);

type Report = Pick<Lead, '_id' | 'createdAt' | 'facts' | 'contact' | 'status' | 'firstReportDispute'>;

const byArrival = (a: Report, b: Report): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
/** When an upheld dispute awarded this report the credit; an award made after `asOf` (a locked board's moment) does not count. */
const awardedAt = (l: Report, asOf?: string): string | null => {
  const at = l.firstReportDispute?.status === 'upheld' ? (l.firstReportDispute.decision?.at ?? l.firstReportDispute.raisedAt) : null;
  return at !== null && (asOf === undefined || at <= asOf) ? at : null;
};

/**
 * Which of the reports of one project holds its credit: the one most recently awarded it by an upheld dispute,
 * else the earliest that is not invalid, else (all invalid) the earliest. Null for no reports. `asOf`: the
 * standing at that moment as far as awards go (a board locked then ignores disputes decided later).
 */
export const holderOf = <L extends Report>(sameProject: readonly L[], asOf?: string): L | null => {
  if (sameProject.length === 0) return null;
  const awarded = sameProject.filter((l) => awardedAt(l, asOf) !== null).sort((a, b) => ((awardedAt(b, asOf) as string) < (awardedAt(a, asOf) as string) ? -1 : 1));
  if (awarded.length) return awarded[0];
  const sorted = [...sameProject].sort(byArrival);
  return sorted.find((l) => l.status !== 'invalid') ?? sorted[0];
};

/** Splits leads into the report holding each project's credit and the duplicates it removes. */
export const firstReports = <L extends Report>(leads: readonly L[], asOf?: string): { kept: L[]; duplicates: L[] } => {
  const groups = new Map<string, L[]>();
  for (const lead of leads) {
    const key = projectKeyOf(lead);
    groups.set(key, [...(groups.get(key) ?? []), lead]);
  }
  const kept = [...groups.values()].map((g) => holderOf(g, asOf) as L).sort(byArrival);
  const keptIds = new Set(kept.map((l) => l._id));
  return { kept, duplicates: leads.filter((l) => !keptIds.has(l._id)) };
};

/**
 * A report's status at `asOf` as its status events tell it (a lead starts as 新): what a board locked at `asOf`
 * must judge a competing report by, whatever happened to it since (a closing as invalid, a reopening).
 */
export const statusAsOf = (events: readonly Pick<LeadEvent, 'type' | 'data' | 'at'>[], asOf: string): LeadStatus => {
  let status: LeadStatus = 'new';
  let latest = '';
  for (const e of events) {
    if (e.type !== 'status_changed' || e.at > asOf || e.at < latest) continue;
    const to = e.data?.to;
    if (typeof to !== 'string' || !(LEAD_STATUSES as readonly string[]).includes(to)) continue;
    status = to as LeadStatus;
    latest = e.at;
  }
  return status;
};

/**
 * The reports as they stood at `asOf`: those that had arrived by then, each with its status of that moment
 * (`eventsOf`: its status events, oldest first). Awards are taken as of `asOf` by `holderOf` itself.
 */
export const reportsAsOf = <L extends Report>(leads: readonly L[], eventsOf: (leadId: string) => readonly Pick<LeadEvent, 'type' | 'data' | 'at'>[], asOf: string): L[] =>
  leads.filter((l) => l.createdAt <= asOf).map((l) => ({ ...l, status: statusAsOf(eventsOf(l._id), asOf) }));
