import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InvestorLead } from '../../../domain/api/lead.contracts';
import type { Dictionary, InquiryText } from '../../../src/i18n/dictionary';
import { en } from '../../../src/i18n/en';
import { zhInquiryText } from '../../../src/i18n/use-inquiry-text';
import { zh } from '../../../src/i18n/zh';
import { zhInquiry } from '../../../src/i18n/zh-inquiry';
import { aCardView, aCarrier, aPerson } from '../support/card-view.mother';
import { chineseLeftOn } from '../support/chinese-left-on';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
import { aCarrierDetail, installBackend } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

// Loaded after the mock is in place.
const CardPage = (require('../../../src/pages/card/index') as typeof import('../../../src/pages/card/index')).default;
const CarriersPage = (require('../../../src/pages/carriers/index') as typeof import('../../../src/pages/carriers/index')).default;
const CarrierDetailPage = (require('../../../src/pages/carrier-detail/index') as typeof import('../../../src/pages/carrier-detail/index')).default;
const MyLeadsPage = (require('../../../src/inquiry/my-leads/index') as typeof import('../../../src/inquiry/my-leads/index')).default;
const { forgetLanguageForTests } = require('../../../src/i18n/language') as typeof import('../../../src/i18n/language');

/** District, card and carrier content as an English variant gives it. */
const anEnglishCard = () =>
  aCardView({
    greeting: 'Welcome to Linjiang: one officer follows your project from the first call to opening day.',
    district: {
      ...aCardView().district,
      name: 'Linjiang New Area',
      slogan: 'Where industry and city grow together',
      intro: 'Linjiang New Area lies at the heart of the Yangtze River Economic Belt.',
      keyIndustries: ['Smart manufacturing', 'Biomedicine'],
      headlineFigures: [{ label: 'GDP', value: 'CNY 128.6 bn' }],
      policyHighlights: ['Tailored support for major projects'],
    },
    owner: aPerson({ name: 'Wang Jianguo', title: 'Director', unitName: 'Investment Promotion Bureau' }),
    contact: aPerson({ staffId: 'staff_li', cardId: 'card_li', name: 'Li Xiaowen', title: 'Investment officer', unitName: 'Industry team 1', phone: '13800001234', wechatId: null }),
    featuredIndustries: ['Smart manufacturing'],
    highlightedCarriers: [aCarrier({ name: 'Linjiang Smart Manufacturing Park', street: 'Binjiang', suitedIndustries: ['Smart manufacturing'] })],
  });

const anEnglishCarrier = () =>
  aCarrierDetail({
    name: 'High-tech Standard Factory A',
    street: 'High-tech Zone',
    address: '88 Kechuang Avenue, Linjiang',
    facilities: ['10 t crane', '8 m clear height'],
    policies: ['Half rent in the first year'],
    suitedIndustries: ['Smart manufacturing'],
    managerName: 'Mr Zheng',
    priceUnit: 'wan_per_mu',
    priceMin: 35,
    priceMax: 35,
  });

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => {
  Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk' });
  forgetLanguageForTests();
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

describe('the dictionary', () => {
  it('has every key of both Chinese sources (zh.ts, zh-inquiry.ts) in English, and no other, each filled in', () => {
    expect(Object.keys(en).sort()).toEqual([...Object.keys(zh), ...Object.keys(zhInquiry)].sort());
    expect(Object.keys(zhInquiryText).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      if (typeof value === 'string') expect([key, value.trim().length > 0]).toEqual([key, true]);
      else expect([key, typeof value]).toEqual([key, typeof (zhInquiryText as Record<string, unknown>)[key]]);
    }
  });

  it('keeps the next steps’ texts out of the main package’s Chinese (zh.ts), with no key in both parts', () => {
    for (const key of ['leadFormTitle', 'myLeadsEmpty', 'directoryTitle', 'matchAreaFits', 'recommendationIntro', 'privacyTitle']) {
      expect([key, key in zh, key in zhInquiry]).toEqual([key, false, true]);
    }
    expect(Object.keys(zh).filter((key) => key in zhInquiry)).toEqual([]);
  });

  it('is a type: a language without a key does not compile', () => {
    const { appName: _dropped, ...withoutOne } = en;
    // @ts-expect-error — a dictionary that lacks `appName` is refused by the Dictionary type.
    const incomplete: Dictionary = withoutOne;
    expect(Object.keys(incomplete)).not.toContain('appName');
    const { leadFormTitle: _form, ...withoutFormTitle } = en;
    // @ts-expect-error — an English without a next-steps key (zh-inquiry.ts) is refused by the InquiryText type.
    const noFormTitle: InquiryText = withoutFormTitle;
    expect(Object.keys(noFormTitle)).not.toContain('leadFormTitle');
    const { matchAreaFits: _match, ...withoutMatch } = en;
    // @ts-expect-error — the match* and recommendation* keys are typed too.
    const noMatch: InquiryText = withoutMatch;
    expect(Object.keys(noMatch)).not.toContain('matchAreaFits');
  });

  it('keeps English interface text free of Chinese, except the words naming Chinese itself and WeChat’s own', () => {
    const allowed = new Set(['chineseContentMark']);
    for (const [key, value] of Object.entries(en)) {
      const sample = typeof value === 'string' ? value : String((value as (...a: unknown[]) => unknown)(1, 'x', 1));
      if (!allowed.has(key)) expect([key, HAN.test(sample)]).toEqual([key, false]);
    }
  });
});

describe('English investor pages', () => {
  it('the card: the switch turns it English at once, is remembered on the device, and back', async () => {
    backend = installBackend({ 'card.get': () => anEnglishCard(), 'share.visit': () => ({ counted: true }) });
    const { container } = render(<CardPage />);
    await screen.findByTestId('card-page');
    expect(screen.getByText('区域概况')).toBeTruthy();

    fireEvent.click(screen.getByTestId('language-switch-en'));
    await screen.findByText('About the district');
    expect(Taro.setStorageSync).toHaveBeenCalledWith('investcard:lang', 'en');
    expect(screen.getByText('Reply within 1 working day')).toBeTruthy();
    expect(screen.getByText('Linjiang New Area · Investment Card')).toBeTruthy();
    expect(chineseLeftOn(container)).toEqual([]);

    fireEvent.click(screen.getByTestId('language-switch-zh'));
    await screen.findByText('区域概况');
    expect(Taro.setStorageSync).toHaveBeenLastCalledWith('investcard:lang', 'zh');
  });

  it('the card from a shared link with lang=en, areas in m² and the title set at run time', async () => {
    Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk', lang: 'en' });
    backend = installBackend({ 'card.get': () => anEnglishCard(), 'share.visit': () => ({ counted: true }) });
    const { container } = render(<CardPage />);
    await screen.findByText('Featured sites');
    expect(screen.getByTestId('highlighted-carriers').textContent).toContain('42,000 m²');
    expect(screen.getByTestId('highlighted-carriers').textContent).not.toContain('㎡');
    expect(chineseLeftOn(container)).toEqual([]);
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Linjiang New Area' }));
  });

  it('the carriers list, in the remembered language', async () => {
    Taro.resetJourneyMock({ districtId: 'district_linjiang', cardId: 'card_wang' }, '/pages/carriers/index');
    Taro.deviceStorage.set('investcard:lang', 'en');
    backend = installBackend({
      'card.get': () => anEnglishCard(),
      'carrier.search': () => ({ items: [aCarrier({ name: 'Linjiang Smart Manufacturing Park', street: 'Binjiang', suitedIndustries: ['Smart manufacturing'] })], nextCursor: null }),
    });
    const { container } = render(<CarriersPage />);
    await screen.findByText('Linjiang Smart Manufacturing Park');
    expect(screen.getByTestId('type-tab-industrial_park').textContent).toBe('Industrial park');
    expect(screen.getByTestId('carrier-verified').textContent).toMatch(/^Vacancy verified \d+ days ago · update pending$/);
    await waitFor(() => expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: 'Find a site' }));
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('the carriers searched by an English type word: searched as that type, the result count in English', async () => {
    jest.useFakeTimers();
    try {
      Taro.resetJourneyMock({ districtId: 'district_linjiang', lang: 'en' }, '/pages/carriers/index');
      const factory = aCarrier({ id: 'factory-001', type: 'factory', name: 'High-tech Standard Factory, Zone A', street: 'High-tech Zone', suitedIndustries: ['Smart manufacturing'] });
      backend = installBackend({
        'card.get': () => anEnglishCard(),
        'carrier.search': (input: { keyword?: string }) =>
          input.keyword ? { items: [factory, { ...factory, id: 'factory-003' }], nextCursor: null, total: 7, keywordType: 'factory' } : { items: [factory], nextCursor: null, total: 12 },
      });
      const { container } = render(<CarriersPage />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10);
      });
      fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'plant' } });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(600);
      });
      expect(backend.inputsOf('carrier.search').at(-1)).toMatchObject({ keyword: 'plant', lang: 'en' });
      expect(screen.getByTestId('carrier-count').textContent).toBe('“plant” searched as Factory: 7 properties');
      expect(chineseLeftOn(container)).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a carrier’s details, with 万元/亩 spelled out for a foreign reader', async () => {
    Taro.resetJourneyMock({ carrierId: 'carrier-factory-1', lang: 'en' }, '/pages/carrier-detail/index');
    backend = installBackend({ 'carrier.get': () => anEnglishCarrier() });
    const { container } = render(<CarrierDetailPage />);
    await screen.findByText('High-tech Standard Factory A');
    expect(screen.getByTestId('fact-price').textContent).toContain('350,000 CNY per mu (1 mu ≈ 667 m²)');
    expect(screen.getByTestId('fact-vacant').textContent).toContain('6,800 m²');
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('我的咨询, with the investor’s own Chinese words left as they are only where they are content', async () => {
    Taro.resetJourneyMock({ lang: 'en' }, '/inquiry/my-leads/index');
    const lead: InvestorLead = {
      id: 'lead_1',
      status: 'contacted',
      createdAt: new Date(Date.now() - 3_600_000).toISOString(),
      industry: 'Smart manufacturing',
      carrierName: null,
      message: 'We need 3,000 m² of factory space.',
      handlerName: 'Li Xiaowen',
      promiseHours: 8,
      promiseKept: true,
      firstResponseDueAt: new Date(Date.now() + 3_600_000).toISOString(),
      firstRespondedAt: new Date().toISOString(),
      replies: [{ staffName: 'Li Xiaowen', text: 'We will call you tomorrow.', at: new Date().toISOString() }],
    } as InvestorLead;
    backend = installBackend({ 'lead.mine': () => ({ items: [lead] }), 'privacy.mine': () => ({ items: [] }) });
    const { container } = render(<MyLeadsPage />);
    await screen.findByText('Answered on time');
    expect(screen.getByText('Contacted')).toBeTruthy();
    expect(screen.getByText('My message')).toBeTruthy();
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('a Chinese-only privacy notice is shown marked «中文»', () => {
    const { ChineseMark } = require('../../../src/components/chinese-mark') as typeof import('../../../src/components/chinese-mark');
    const { TextProvider } = require('../../../src/i18n/text-context') as typeof import('../../../src/i18n/text-context');
    const view = render(
      <TextProvider value={{ lang: 'en', t: en }}>
        <ChineseMark show />
      </TextProvider>,
    );
    expect(screen.getByTestId('chinese-mark').getAttribute('aria-label')).toBe('Available in Chinese only');
    view.rerender(
      <TextProvider value={{ lang: 'zh', t: zh }}>
        <ChineseMark show />
      </TextProvider>,
    );
    expect(screen.queryByTestId('chinese-mark')).toBeNull();
    act(() => undefined);
  });
});

/**
 * The demo seed's content through the backend's own read models, as `card.get`, `carrier.search`, `carrier.get`
 * and `directory.list` answer an English page: English where the seed has it, Chinese flagged where it has not.
 */
describe('English pages with the demo seed’s content', () => {
  const { buildDemoDistrict } = require('../../../tools/seed/demo-district') as typeof import('../../../tools/seed/demo-district');
  const models = require('../../../cloudfunctions/_lib/read-models') as typeof import('../../../cloudfunctions/_lib/read-models');
  type Doc = Record<string, unknown> & { _id: string };
  const seed = buildDemoDistrict(new Date());
  const one = <T,>(collection: string, id: string): T => seed[collection].find((d: Doc) => d._id === id) as unknown as T;
  type Seeded = Parameters<typeof models.toCarrierSummary>[0];
  type SeededDistrict = Parameters<typeof models.toDistrictView>[0];
  type SeededStaff = Parameters<typeof models.toPerson>[0];
  type SeededCard = NonNullable<Parameters<typeof models.toPerson>[2]>;
  const district = one<SeededDistrict>('districts', 'demo-linjiang');
  const carriers = seed.carriers.filter((c: Doc) => c.districtId === 'demo-linjiang') as unknown as Seeded[];
  const units = seed.units.filter((u: Doc) => u.districtId === 'demo-linjiang') as unknown as Array<{ _id: string; name: string; nameEn?: string }>;
  const person = (staffId: string, lang: 'zh' | 'en') => {
    const staff = one<SeededStaff>('staff', staffId);
    const unit = units.find((u) => u._id === staff.unitId);
    return models.toPerson(staff, unit?.name ?? '', one<SeededCard>('cards', `card-${staffId}`), { lang, unitNameEn: unit?.nameEn, district });
  };
  const seededCard = (lang: 'zh' | 'en') => {
    const card = one<SeededCard>('cards', 'card-staff-head');
    return aCardView({
      cardId: card._id,
      greeting: lang === 'en' ? (card.greetingEn ?? card.greeting) : card.greeting,
      district: models.toDistrictView(district, lang),
      owner: person('staff-head', lang),
      contact: null,
      featuredIndustries: district.keyIndustries.slice(0, 2).map((zh, i) => (lang === 'en' ? (district.keyIndustriesEn?.[i] ?? zh) : zh)),
      highlightedCarriers: card.featuredCarrierIds.map((id) => models.toCarrierSummary(carriers.find((c) => c._id === id) as Seeded, lang)),
    });
  };
  const withoutEnglish = carriers.find((c) => !c.nameEn) as Seeded;

  it('the card: the seeded English slogan, intro, figures and people, nothing Chinese left', async () => {
    Taro.resetJourneyMock({ cardId: 'card-staff-head', lang: 'en' });
    backend = installBackend({ 'card.get': (input: { lang?: string }) => seededCard(input.lang === 'en' ? 'en' : 'zh'), 'share.visit': () => ({ counted: true }) });
    const { container } = render(<CardPage />);
    await screen.findByText('Invest by the river, invest now');
    expect(backend.inputsOf('card.get')[0]).toMatchObject({ cardId: 'card-staff-head', lang: 'en' });
    expect(screen.getByText('Lin Zhiyuan')).toBeTruthy();
    expect(screen.getByTestId('headline-figures').textContent).toContain('CNY 128.6 bn');
    expect(screen.queryAllByTestId('chinese-mark')).toHaveLength(0);
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('the card in Chinese and in English are cached apart: switching asks again, in the new language', async () => {
    Taro.resetJourneyMock({ cardId: 'card-staff-head' });
    backend = installBackend({ 'card.get': (input: { lang?: string }) => seededCard(input.lang === 'en' ? 'en' : 'zh'), 'share.visit': () => ({ counted: true }) });
    render(<CardPage />);
    await screen.findByText('临江而立，投资正当时');
    fireEvent.click(screen.getByTestId('language-switch-en'));
    await screen.findByText('Invest by the river, invest now');
    expect(backend.inputsOf('card.get').map((i: { lang?: string }) => i.lang ?? 'zh')).toEqual(['zh', 'en']);
    const cached = [...Taro.deviceStorage.keys()].filter((k) => k.includes('card:card-staff-head'));
    expect(cached.sort()).toEqual([expect.stringMatching(/card:card-staff-head:-$/), expect.stringMatching(/card:card-staff-head:-:en$/)].sort());
    expect(screen.queryByText('临江而立，投资正当时')).toBeNull();
  });

  it('the carriers: English names where the seed has them, the others marked «中文» and pronounced as Chinese', async () => {
    Taro.resetJourneyMock({ districtId: 'demo-linjiang', lang: 'en' }, '/pages/carriers/index');
    const items = carriers.slice(0, 12).map((c) => models.toCarrierSummary(c, 'en'));
    backend = installBackend({ 'card.get': () => seededCard('en'), 'carrier.search': () => ({ items, nextCursor: null, total: items.length }) });
    const { container } = render(<CarriersPage />);
    await screen.findByText('Linjiang Financial Centre');
    expect(backend.inputsOf('carrier.search')[0]).toMatchObject({ lang: 'en' });
    const cards = screen.getAllByTestId('carrier-summary-card');
    const marked = cards.filter((card) => card.querySelector('[data-testid="chinese-mark"]'));
    const english = items.filter((c) => c.fallbackZh?.length === 0).length;
    expect(english).toBeGreaterThanOrEqual(2);
    expect(marked).toHaveLength(items.length - english);
    expect(container.querySelectorAll('[lang="zh"]').length).toBeGreaterThan(0);
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('a carrier with no English: its Chinese texts marked «中文», lang="zh", and nothing else Chinese', async () => {
    Taro.resetJourneyMock({ carrierId: withoutEnglish._id, lang: 'en' }, '/pages/carrier-detail/index');
    backend = installBackend({ 'carrier.get': () => models.toCarrierDetail(withoutEnglish, district, 'en') });
    const { container } = render(<CarrierDetailPage />);
    await screen.findByText(withoutEnglish.name);
    const heading = screen.getByText(withoutEnglish.name);
    expect(heading.getAttribute('data-content-lang')).toBe('zh');
    expect(heading.getAttribute('lang')).toBe('zh');
    expect(screen.getAllByTestId('chinese-mark').length).toBeGreaterThanOrEqual(3);
    expect(screen.getByTestId('fact-vacant').textContent).toMatch(/m²|None/);
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('the directory: units and people of the seed in English', async () => {
    const DirectoryPage = (require('../../../src/inquiry/directory/index') as typeof import('../../../src/inquiry/directory/index')).default;
    Taro.resetJourneyMock({ districtId: 'demo-linjiang', cardId: 'card-staff-head', lang: 'en' }, '/inquiry/directory/index');
    const people = ['staff-head', 'staff-commissioner', 'staff-tech', 'staff-park'].map((id) => person(id, 'en'));
    const pick = (u: { _id: string; name: string; nameEn?: string }) => ({ id: u._id, name: u.nameEn ?? u.name, fallbackZh: u.nameEn ? [] : ['name'] });
    backend = installBackend({ 'card.get': () => seededCard('en'), 'directory.list': () => ({ units: units.map(pick), people }) });
    const { container } = render(<DirectoryPage />);
    await screen.findByText('Zhou Ruolan');
    expect(backend.inputsOf('directory.list')[0]).toMatchObject({ districtId: 'demo-linjiang', lang: 'en' });
    expect(screen.getAllByText('Investment Promotion Bureau').length).toBeGreaterThan(0);
    expect(chineseLeftOn(container)).toEqual([]);
  });
});
