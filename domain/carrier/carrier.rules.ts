/** Vacancy figures older than this are shown as stale: investors should call before relying on them. */
export const STALE_AFTER_DAYS = 90;

export const freshness = (lastVerifiedAt: string, now: Date): { days: number; stale: boolean; label: string } => {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastVerifiedAt)) / 86_400_000));
  const label = days === 0 ? '核实于今天' : `核实于 ${days} 天前`;
  return { days, stale: days > STALE_AFTER_DAYS, label };
};

/** Lower-cased haystack for keyword search; LIKE on it finds 2-character Chinese terms that FTS misses. */
export const carrierSearchText = (c: {
  name: string;
  street: string;
  address: string;
  suitedIndustries: readonly string[];
  facilities: readonly string[];
  typeLabel: string;
}): string =>
  [c.name, c.typeLabel, c.street, c.address, ...c.suitedIndustries, ...c.facilities].join(' ').toLowerCase().slice(0, 600);
