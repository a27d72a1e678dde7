import { useState } from 'react';
import { leadMatchesContract, type CarrierMatches } from '../../../domain/api/matching.contracts';
import { loadEnglishDictionary } from '../../i18n/english-dictionary';
import { zhInquiryText } from '../../i18n/use-inquiry-text';
import { call } from '../../services/api-client';
import { RECOMMENDED, recommendationText } from './recommendation';

export interface RecommendationState {
  /** Puts the top matches with why into the reply box, in the investor's language. */
  recommend: () => Promise<void>;
  /** An English recommendation is being written (its carriers read in English first). */
  pending: boolean;
}

const idsOf = (top: CarrierMatches['matches']): string[] => top.map((m) => m.carrier.id);

/**
 * The recommendation is written in the language the investor asked in (`investorLang` of the lead): Chinese from
 * the matches on screen; English from an English read of the same matches (the carriers' English names) and the
 * English dictionary, fetched on demand. If either cannot be had, the Chinese one goes into the box: staff may
 * still edit it before sending.
 */
export const useRecommendation = (
  leadId: string | null,
  investorLang: 'zh' | 'en' | undefined,
  matches: CarrierMatches | null,
  fill: (text: string, carrierIds: readonly string[]) => void,
): RecommendationState => {
  const [pending, setPending] = useState(false);
  const recommend = async (): Promise<void> => {
    const top = (matches?.matches ?? []).slice(0, RECOMMENDED);
    const inChinese = (): void => fill(recommendationText(zhInquiryText, 'zh', top), idsOf(top));
    if (investorLang !== 'en' || !leadId) return inChinese();
    setPending(true);
    try {
      const [en, english] = await Promise.all([loadEnglishDictionary(), call(leadMatchesContract, { leadId, lang: 'en' })]);
      const englishTop = english.matches.slice(0, RECOMMENDED);
      fill(recommendationText(en, 'en', englishTop), idsOf(englishTop));
    } catch {
      inChinese();
    } finally {
      setPending(false);
    }
  };
  return { recommend, pending };
};
