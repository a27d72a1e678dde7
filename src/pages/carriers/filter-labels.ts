import type { CarrierSummary, DistrictView } from '../../../domain/api/views.schema';

/**
 * The industry and street filters take the Chinese values the carriers are stored with; an English page shows
 * them by their English names (English reads carry the Chinese beside: `keyIndustriesZh`, `streetZh`).
 */
export interface FilterLabels {
  label: (value: string) => string;
  value: (label: string) => string;
}

export const filterLabels = (district: Pick<DistrictView, 'keyIndustries' | 'keyIndustriesZh'> | null | undefined, items: readonly CarrierSummary[]): FilterLabels => {
  const labels = new Map<string, string>();
  const values = new Map<string, string>();
  const add = (value: string, label: string) => {
    if (!labels.has(value)) labels.set(value, label);
    if (!values.has(label)) values.set(label, value);
  };
  district?.keyIndustriesZh?.forEach((zh, i) => add(zh, district.keyIndustries[i] ?? zh));
  for (const c of items) if (c.streetZh) add(c.streetZh, c.street);
  return { label: (value) => labels.get(value) ?? value, value: (label) => values.get(label) ?? label };
};
