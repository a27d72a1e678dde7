import type { MatchReason, MatchShortfall } from '../../../domain/carrier/carrier-match.schema';
import { en } from '../../../src/i18n/en';
import { matchReasonText, matchShortfallText } from '../../../src/i18n/match-reason-text';
import { zhInquiryText } from '../../../src/i18n/use-inquiry-text';
import { aCarrier } from '../support/card-view.mother';

/** One wording of matching's codes: the Chinese staff have always read, and English for an English page. */
describe('the words of a match', () => {
  const reasons: MatchReason[] = [
    { code: 'area_fits', vacantArea: 3_200 },
    { code: 'price_in_budget', priceMin: 20, unit: 'yuan_per_sqm_month' },
    { code: 'price_on_request' },
    { code: 'price_other_unit', unit: 'yuan_per_sqm_day' },
    { code: 'industry_fits', index: 1 },
    { code: 'on_street' },
    { code: 'vacancy_stale', days: 183 },
  ];
  const failures: MatchShortfall[] = [
    { code: 'price_over', percent: 8 },
    { code: 'area_short', short: 300, vacantArea: 2_700 },
  ];

  it('reads in Chinese as the staff know it', () => {
    const carrier = aCarrier({ street: '临江街道', suitedIndustries: ['装备制造', '新能源'] });
    expect(reasons.map((r) => matchReasonText(zhInquiryText, 'zh', carrier, r))).toEqual(
      ['空置 3 200 ㎡ 符合', '价格 20 元/㎡·月 起，在预算内', '价格面议', '报价单位为 元/㎡·天，需另行核算', '适合新能源', '位于临江街道', '空置面积核实于 183 天前，待更新'].map((text) => ({ text, zh: false })),
    );
    expect(failures.map((f) => matchShortfallText(zhInquiryText, 'zh', f))).toEqual(['价格高于预算 8 %', '面积差 300 ㎡（空置 2 700 ㎡）']);
  });

  it('reads in English with the carrier’s English content, and says which reason quotes Chinese only', () => {
    const carrier = aCarrier({ street: 'Binjiang', suitedIndustries: ['Equipment', '新能源'], fallbackZh: ['suitedIndustries.1'] });
    expect(reasons.map((r) => matchReasonText(en, 'en', carrier, r))).toEqual([
      { text: '3,200 m² available: fits', zh: false },
      { text: 'From 20 CNY/m² per month: within budget', zh: false },
      { text: 'Price on request', zh: false },
      { text: 'Priced in CNY/m² per day: to be worked out', zh: false },
      { text: 'Suited to 新能源', zh: true },
      { text: 'In Binjiang', zh: false },
      { text: 'Vacancy verified 183 days ago: update pending', zh: false },
    ]);
    expect(failures.map((f) => matchShortfallText(en, 'en', f))).toEqual(['8 % over budget', '300 m² short (2,700 m² available)']);
  });
});
