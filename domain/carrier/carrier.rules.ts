/** Vacancy figures older than this are shown as stale: investors should call before relying on them. */
export const STALE_AFTER_DAYS = 90;

export const freshness = (lastVerifiedAt: string, now: Date): { days: number; stale: boolean; label: string } => {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastVerifiedAt)) / 86_400_000));
  const label = days === 0 ? '核实于今天' : `核实于 ${days} 天前`;
  return { days, stale: days > STALE_AFTER_DAYS, label };
};

/**
 * Lower-cased haystack for keyword search; LIKE on it finds 2-character Chinese terms that FTS misses. The
 * English variants follow the Chinese texts, so a search in English finds carriers by their English names too.
 */
export const carrierSearchText = (c: {
  name: string;
  street: string;
  address: string;
  suitedIndustries: readonly string[];
  facilities: readonly string[];
  typeLabel: string;
  nameEn?: string | undefined;
  streetEn?: string | undefined;
  addressEn?: string | undefined;
  suitedIndustriesEn?: readonly string[] | undefined;
}): string =>
  [c.name, c.typeLabel, c.street, c.address, ...c.suitedIndustries, ...c.facilities, c.nameEn, c.streetEn, ...(c.suitedIndustriesEn ?? []), c.addressEn]
    .filter((part) => part)
    .join(' ')
    .toLowerCase()
    .slice(0, SEARCH_TEXT_MAX);

/** Room for the Chinese texts and their English variants. */
export const SEARCH_TEXT_MAX = 1200;
