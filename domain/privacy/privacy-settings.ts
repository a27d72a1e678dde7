import * as v from 'valibot';

/**
 * A district's personal-data promises (PIPL), stated in its privacy notice and kept by the backend: how many
 * days it takes to answer an investor's request, and how long a closed inquiry's personal data is kept.
 */
export const PrivacySettingsSchema = v.strictObject({
  /** An investor's withdrawal or deletion request is answered within this many calendar days. */
  answerDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  /** A closed inquiry (落地 or 无效) keeps its personal data this many days after its last change, then is anonymised. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(3650)),
});
export type PrivacySettings = v.InferOutput<typeof PrivacySettingsSchema>;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { answerDays: 15, retentionDays: 730 };

export const privacySettingsOf = (district: { privacy?: PrivacySettings | undefined }): PrivacySettings => district.privacy ?? DEFAULT_PRIVACY_SETTINGS;

const DAY_MS = 86_400_000;

/** When a request made at `requestedAt` must be answered. */
export const privacyAnswerDueAt = (requestedAt: Date, settings: PrivacySettings): string => new Date(requestedAt.getTime() + settings.answerDays * DAY_MS).toISOString();

/** Closed leads last changed before this instant are past the retention period. */
export const retentionCutoff = (now: Date, settings: PrivacySettings): string => new Date(now.getTime() - settings.retentionDays * DAY_MS).toISOString();

/** «2 年» for whole years, else «N 天»: how the notice states the period. */
export const retentionLabel = (days: number): string => (days % 365 === 0 ? `${days / 365} 年` : `${days} 天`);

/** A new privacy-notice version for a change at `at` (China time, to the minute): `p202612021530`. */
export const privacyNoticeVersionAt = (at: Date): string => `p${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
