import type { ResponseOf } from '../../../domain/api/contract';
import { listDirectoryContract } from '../../../domain/api/public-read.contracts';
import type { Person } from '../../../domain/api/views.schema';
import { isFallbackZh } from '../../../domain/common/content-language';
import type { Language } from '../../i18n/dictionary';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { ApiError, call } from '../../services/api-client';

export type Directory = ResponseOf<typeof listDirectoryContract>;

export interface PeopleGroup {
  key: string;
  title: string;
  /** The title is a unit's or an industry's Chinese name on an English page (no English exists). */
  titleZh?: boolean;
  people: Person[];
}

/** People by unit, in the district's unit order; units with nobody to call are left out. */
export const groupByUnit = (directory: Directory, otherTitle = '其他单位'): PeopleGroup[] => {
  const groups: PeopleGroup[] = directory.units.map((unit) => ({
    key: unit.id,
    title: unit.name,
    titleZh: isFallbackZh(unit, 'name'),
    people: directory.people.filter((p) => p.unitName === unit.name),
  }));
  const known = new Set(directory.units.map((u) => u.name));
  const others = directory.people.filter((p) => !known.has(p.unitName));
  if (others.length) groups.push({ key: 'other', title: otherTitle, people: others });
  return groups.filter((g) => g.people.length > 0);
};

/** Every industry someone focuses on, most-covered first (ties keep first-seen order). */
export const industriesOf = (people: readonly Person[]): string[] => {
  const counts = new Map<string, number>();
  for (const person of people) for (const industry of person.industryFocus) counts.set(industry, (counts.get(industry) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([industry]) => industry);
};

/** People by industry focus: a person focused on two industries appears under both. */
export const groupByIndustry = (people: readonly Person[]): PeopleGroup[] =>
  industriesOf(people).map((industry) => ({
    key: industry,
    title: industry,
    titleZh: industryIsChinese(people, industry),
    people: people.filter((p) => p.industryFocus.includes(industry)),
  }));

/** Whether an industry is shown by its Chinese name (someone's view says it fell back). */
export const industryIsChinese = (people: readonly Person[], industry: string): boolean =>
  people.some((p) => p.industryFocus.some((name, i) => name === industry && isFallbackZh(p, `industryFocus.${i}`)));

/** The district's commissioners (`directory.list`, one call, filtered on the device) in the page's language, device copy (per language) first. */
export const useDirectory = (districtId: string | null, lang: Language = 'zh'): ResourceState<Directory> =>
  useResource({
    key: `directory:${districtId ?? '-'}${lang === 'en' ? ':en' : ''}`,
    fetch: () => (districtId ? call(listDirectoryContract, lang === 'en' ? { districtId, lang } : { districtId }) : Promise.reject(new ApiError('DISTRICT.NOT_FOUND'))),
    cacheSchema: listDirectoryContract.response,
  });
