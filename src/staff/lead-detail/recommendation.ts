import type { CarrierMatches } from '../../../domain/api/matching.contracts';
import type { InquiryText, Language } from '../../i18n/dictionary';
import { matchReasonText, matchWhereText } from '../../i18n/match-reason-text';

/** How many carriers a recommendation names: enough to choose from, few enough to read on a phone. */
export const RECOMMENDED = 3;
/** The reply contract's limit; a recommendation must fit it with room for the staff member's own words. */
const REPLY_MAX = 500;

/**
 * The reply a staff member sends to recommend carriers: the top matches with why each fits, in the words the
 * investor reads in 我的咨询 — Chinese, or English for an investor who asked in English (`t`, `lang` and matches
 * read in that language). Staff see it in the reply box first and may edit it before sending.
 */
export const recommendationText = (t: InquiryText, lang: Language, matches: CarrierMatches['matches']): string => {
  const top = matches.slice(0, RECOMMENDED);
  if (top.length === 0) return '';
  const lines = top.map((m, i) => {
    const why = m.reasons
      .slice(0, 3)
      .map((reason) => matchReasonText(t, lang, m.carrier, reason).text)
      .join(t.matchReasonSeparator);
    return t.recommendationLine(i + 1, m.carrier.name, matchWhereText(t, m.carrier), why);
  });
  const text = [t.recommendationIntro, ...lines, t.recommendationOutro].join('\n');
  return text.length <= REPLY_MAX ? text : `${text.slice(0, REPLY_MAX - 1)}…`;
};
