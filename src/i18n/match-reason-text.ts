import type { CarrierSummary } from '../../domain/api/views.schema';
import type { MatchReason, MatchShortfall } from '../../domain/carrier/carrier-match.schema';
import { isFallbackZh } from '../../domain/common/content-language';
import { formatArea, formatPrice, priceUnitLabel } from '../format/format';
import { carrierTypeText, verifiedText } from './carrier-text';
import type { InquiryText, Language } from './dictionary';

/**
 * The one wording of matching's reasons and shortfalls (domain carrier-match.schema.ts), in the page's language:
 * the investor's confirmation, the staff's 匹配载体 and the recommendation reply all read these.
 */

/** A reason in words; `zh` when it quotes carrier content shown in Chinese on an English page (mark it «中文»). */
export interface MatchText {
  text: string;
  zh: boolean;
}

/** Matching's own spacing in Chinese («3 200 ㎡»: readable at a glance in a list of reasons); English as the pages. */
export const matchArea = (sqm: number, lang: Language): string =>
  lang === 'en' ? formatArea(sqm, 'en') : `${Math.round(sqm).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} ㎡`;

export const matchReasonText = (t: InquiryText, lang: Language, carrier: CarrierSummary, reason: MatchReason): MatchText => {
  switch (reason.code) {
    case 'area_fits':
      return { text: t.matchAreaFits(matchArea(reason.vacantArea, lang)), zh: false };
    case 'price_on_request':
      return { text: t.matchPriceOnRequest, zh: false };
    case 'price_other_unit':
      return { text: t.matchPriceOtherUnit(priceUnitLabel(reason.unit, lang)), zh: false };
    case 'price_in_budget':
      return { text: t.matchPriceInBudget(formatPrice(reason.priceMin, reason.priceMin, reason.unit, lang)), zh: false };
    case 'industry_fits': {
      const industry = carrier.suitedIndustries[reason.index] ?? '';
      return { text: t.matchIndustryFits(industry), zh: isFallbackZh(carrier, `suitedIndustries.${reason.index}`) };
    }
    case 'on_street':
      return { text: t.matchOnStreet(carrier.street), zh: isFallbackZh(carrier, 'street') };
    case 'vacancy_stale':
      return { text: t.matchVacancyStale(verifiedText(t, reason.days)), zh: false };
  }
};

export const matchShortfallText = (t: InquiryText, lang: Language, failed: MatchShortfall): string =>
  failed.code === 'area_short' ? t.matchAreaShort(matchArea(failed.short, lang), matchArea(failed.vacantArea, lang)) : t.matchPriceOver(failed.percent);

/** What follows the street in the facts line under a matched carrier's name: vacancy and price. */
export const matchFactsText = (t: InquiryText, lang: Language, carrier: CarrierSummary): string =>
  t.matchVacancyAndPrice(formatArea(carrier.vacantArea, lang), formatPrice(carrier.priceMin, carrier.priceMax, carrier.priceUnit, lang));

/** «产业园 · 临江街道»: the type and street a recommendation names beside each carrier. */
export const matchWhereText = (t: InquiryText, carrier: CarrierSummary): string => [carrierTypeText(t, carrier.type), carrier.street].filter(Boolean).join(' · ');
