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
}

type ProfileView = Omit<DistrictProfile, 'policies'> & { policies: Array<{ title: string; summary: string; fileId?: string | null }> };

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

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
});

/** The request the form stands for; the contract validates it (on the device first, then in the function). */
export const toRequest = (f: ProfileForm): DistrictProfile => ({
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
};

/** Which form field a contract path (`headlineFigures.0.value`) belongs to. */
export const formFieldOf = (path: string): keyof ProfileForm | null => FIELD_OF[path.split('.')[0]] ?? null;
