import type { DistrictProfile } from '../../../domain/api/admin.contracts';

/** The district profile as the editor holds it: lists as one-item-per-line text, so a PC user can paste. */
export interface ProfileForm {
  name: string;
  slogan: string;
  intro: string;
  /** One industry per line (or separated by 、，,). */
  industries: string;
  /** `label：value` per line. */
  figures: string;
  /** `title｜summary` per line; an attached PDF keeps its file id by title. */
  policies: string;
  coverImage: string | null;
  defaultCardId: string | null;
  vacancyConfirmDays: string;
  /** PDFs by policy title, carried through edits of the text. */
  policyFiles: Record<string, string>;
  /** English variants (optional): the lists line by line beside the Chinese ones. */
  nameEn: string;
  sloganEn: string;
  introEn: string;
  /** One per line, in the order of the Chinese industries. */
  industriesEn: string;
  /** `label: value` per line, in the order of the Chinese figures. */
  figuresEn: string;
  /** `title | summary` per line, in the order of the Chinese policies. */
  policiesEn: string;
}

type ProfileView = Omit<DistrictProfile, 'policies'> & { policies: Array<{ title: string; summary: string; fileId?: string | null; titleEn?: string; summaryEn?: string }> };

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** English lines stay aligned with the Chinese ones: a blank line is an item without English. */
const alignedLines = (s: string): string[] => {
  const all = s.split('\n').map((l) => l.trim());
  while (all.length && !all[all.length - 1]) all.pop();
  return all;
};

/** Drops the empty tail of a list of English variants (nothing to store). */
const trimTail = (items: string[]): string[] => {
  const out = items.slice();
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
};

export const toForm = (p: ProfileView): ProfileForm => ({
  name: p.name,
  slogan: p.slogan,
  intro: p.intro,
  industries: p.keyIndustries.join('\n'),
  figures: p.headlineFigures.map((f) => `${f.label}：${f.value}`).join('\n'),
  policies: p.policies.map((x) => (x.summary ? `${x.title}｜${x.summary}` : x.title)).join('\n'),
  coverImage: p.coverImage,
  defaultCardId: p.defaultCardId,
  vacancyConfirmDays: String(p.vacancyConfirmDays),
  policyFiles: Object.fromEntries(p.policies.filter((x) => x.fileId).map((x) => [x.title, x.fileId as string])),
  nameEn: p.nameEn ?? '',
  sloganEn: p.sloganEn ?? '',
  introEn: p.introEn ?? '',
  industriesEn: trimTail(p.keyIndustriesEn ?? []).join('\n'),
  figuresEn: trimTail(p.headlineFigures.map((f) => (f.labelEn || f.valueEn ? `${f.labelEn ?? ''}: ${f.valueEn ?? ''}` : ''))).join('\n'),
  policiesEn: trimTail(p.policies.map((x) => (x.summaryEn ? `${x.titleEn ?? ''} | ${x.summaryEn}` : (x.titleEn ?? '')))).join('\n'),
});

/** The request the form stands for; the contract validates it (on the device first, then in the function). */
export const toRequest = (f: ProfileForm): DistrictProfile => {
  const figuresEn = alignedLines(f.figuresEn).map((l) => {
    const at = l.indexOf(':');
    return at < 0 ? { labelEn: l, valueEn: '' } : { labelEn: l.slice(0, at).trim(), valueEn: l.slice(at + 1).trim() };
  });
  const policiesEn = alignedLines(f.policiesEn).map((l) => {
    const at = l.indexOf('|');
    return at < 0 ? { titleEn: l, summaryEn: '' } : { titleEn: l.slice(0, at).trim(), summaryEn: l.slice(at + 1).trim() };
  });
  const base = chineseRequest(f);
  return {
    ...base,
    headlineFigures: base.headlineFigures.map((x, i) => ({ ...x, labelEn: figuresEn[i]?.labelEn ?? '', valueEn: figuresEn[i]?.valueEn ?? '' })),
    policies: base.policies.map((x, i) => ({ ...x, titleEn: policiesEn[i]?.titleEn ?? '', summaryEn: policiesEn[i]?.summaryEn ?? '' })),
    nameEn: f.nameEn.trim(),
    sloganEn: f.sloganEn.trim(),
    introEn: f.introEn.trim(),
    keyIndustriesEn: alignedLines(f.industriesEn),
  };
};

const chineseRequest = (f: ProfileForm): DistrictProfile => ({
  name: f.name.trim(),
  slogan: f.slogan.trim(),
  intro: f.intro.trim(),
  keyIndustries: f.industries
    .split(/[\n、，,]/)
    .map((x) => x.trim())
    .filter(Boolean),
  headlineFigures: lines(f.figures).map((l) => {
    const [label, ...rest] = l.split(/[：:]/);
    return { label: label.trim(), value: rest.join('：').trim() };
  }),
  policies: lines(f.policies).map((l) => {
    const [title, ...rest] = l.split(/[｜|]/);
    const t = title.trim();
    return { title: t, summary: rest.join('｜').trim(), fileId: f.policyFiles[t] ?? null };
  }),
  coverImage: f.coverImage,
  defaultCardId: f.defaultCardId,
  vacancyConfirmDays: Number(f.vacancyConfirmDays),
});

const FIELD_OF: Record<string, keyof ProfileForm> = {
  name: 'name',
  slogan: 'slogan',
  intro: 'intro',
  keyIndustries: 'industries',
  headlineFigures: 'figures',
  policies: 'policies',
  defaultCardId: 'defaultCardId',
  vacancyConfirmDays: 'vacancyConfirmDays',
  nameEn: 'nameEn',
  sloganEn: 'sloganEn',
  introEn: 'introEn',
  keyIndustriesEn: 'industriesEn',
};

/** English lists line up with the Chinese ones: more English lines than Chinese items is a mistake to show. */
export const englishLineErrors = (f: ProfileForm): Partial<Record<keyof ProfileForm, string>> => {
  const out: Partial<Record<keyof ProfileForm, string>> = {};
  const req = chineseRequest(f);
  const over = (english: string, count: number) => alignedLines(english).length > count;
  if (over(f.industriesEn, req.keyIndustries.length)) out.industriesEn = '英文行数多于重点产业，请逐行对应';
  if (over(f.figuresEn, req.headlineFigures.length)) out.figuresEn = '英文行数多于核心数据，请逐行对应';
  if (over(f.policiesEn, req.policies.length)) out.policiesEn = '英文行数多于政策亮点，请逐行对应';
  return out;
};

/** English parts of a list item (`headlineFigures.0.labelEn`) belong to the English list's field. */
const ENGLISH_ITEM_FIELD: Record<string, keyof ProfileForm> = { labelEn: 'figuresEn', valueEn: 'figuresEn', titleEn: 'policiesEn', summaryEn: 'policiesEn' };

/** Which form field a contract path (`headlineFigures.0.value`) belongs to. */
export const formFieldOf = (path: string): keyof ProfileForm | null => ENGLISH_ITEM_FIELD[path.split('.')[2] ?? ''] ?? FIELD_OF[path.split('.')[0]] ?? null;
