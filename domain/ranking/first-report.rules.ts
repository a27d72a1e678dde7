import { contactKeyOf } from '../lead/contact.rules';
import type { Lead } from '../lead/lead.schema';
import { companyMatchKey } from '../lead/company-name.rules';

/**
 * 首报: a company is one project however many units report it — the same credit code, else the same normalised
 * name and phone. The earliest report keeps the credit; later ones are duplicates.
 */
export const projectKeyOf = (lead: Pick<Lead, 'facts' | 'contact'>): string =>
  lead.facts?.creditCode ? `code:${lead.facts.creditCode}` : `name:${lead.facts?.companyKey ?? companyMatchKey(lead.contact.company)}|${contactKeyOf(lead.contact)}`;

/** Splits leads into the first report of each project and the duplicates it removes (earliest createdAt, then id). */
export const firstReports = <L extends Pick<Lead, '_id' | 'createdAt' | 'facts' | 'contact'>>(leads: readonly L[]): { kept: L[]; duplicates: L[] } => {
  const first = new Map<string, L>();
  for (const lead of [...leads].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1))) {
    const key = projectKeyOf(lead);
    if (!first.has(key)) first.set(key, lead);
  }
  const kept = [...first.values()];
  const keptIds = new Set(kept.map((l) => l._id));
  return { kept, duplicates: leads.filter((l) => !keptIds.has(l._id)) };
};
