import { useEffect, useState } from 'react';
import { matchCarriersContract, type CarrierMatches } from '../../../domain/api/matching.contracts';
import type { LeadSubmission } from '../../../domain/api/lead.contracts';
import type { Language } from '../../i18n/dictionary';
import { call } from '../../services/api-client';

/** How many carriers the confirmation suggests: a short list the investor can take in at a glance. */
export const AFTER_SUBMIT_MATCHES = 3;

type Need = LeadSubmission['need'];

/** The part of an inquiry's need that matching reads (type, area, industry); nothing else leaves the form. */
export const matchNeedOf = (need: Need) => ({
  ...(need.carrierType ? { carrierType: need.carrierType } : {}),
  ...(need.areaMin !== undefined ? { areaMin: need.areaMin } : {}),
  ...(need.areaMax !== undefined ? { areaMax: need.areaMax } : {}),
  industry: need.industry,
});

/**
 * «可能适合您的载体» after submitting: the district's public carriers that fit the need just sent, top 3 with
 * why, in the page's language. Best effort — the confirmation never waits for it, and a failure or no match shows nothing.
 */
export const useAfterSubmitMatches = (districtId: string | null | undefined, need: Need | null, lang: Language = 'zh'): CarrierMatches['matches'] => {
  const [matches, setMatches] = useState<CarrierMatches['matches']>([]);
  const needKey = need ? JSON.stringify(matchNeedOf(need)) : null;
  useEffect(() => {
    setMatches([]);
    if (!districtId || !need) return;
    let live = true;
    call(matchCarriersContract, { districtId, need: matchNeedOf(need), limit: AFTER_SUBMIT_MATCHES, ...(lang === 'en' ? { lang } : {}) })
      .then((r) => {
        if (live) setMatches(r.matches.slice(0, AFTER_SUBMIT_MATCHES));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // The need's content, not its object identity, decides what to ask.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [districtId, needKey, lang]);
  return matches;
};
