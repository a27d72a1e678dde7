import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CarrierMatches } from '../../../domain/api/matching.contracts';
import { aCarrierDetail } from '../support/journey-backend';
import { aCardView, aCarrier, aPerson } from '../support/card-view.mother';
import { chineseLeftOn } from '../support/chinese-left-on';
import { anInvestorLead, fakeBackend, NOTICE, type FakeBackend } from '../support/lead-loop-backend';
import * as Taro from '../support/lead-loop-taro';

jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'));
jest.mock('@tarojs/components', () => require('../support/lead-loop-components'));

// Loaded after the mocks are in place.
const LeadFormPage = (require('../../../src/inquiry/lead-form/index') as typeof import('../../../src/inquiry/lead-form/index')).default;
const MyLeadsPage = (require('../../../src/inquiry/my-leads/index') as typeof import('../../../src/inquiry/my-leads/index')).default;
const { forgetLanguageForTests } = require('../../../src/i18n/language') as typeof import('../../../src/i18n/language');

/**
 * Issue 15.2 and 15.5 on the inquiry's pages in English: the form, its confirmation with «Sites that may suit
 * you», and 我的咨询 — the carrier asked about by its English name, or its Chinese one marked «中文», and no other
 * Chinese on the page.
 */

const SUBMITTED = { leadId: 'lead_abc', promiseHours: 8, firstResponseDueAt: '2026-03-03T01:00:00.000Z', duplicate: false, claimCode: null };
const ENGLISH_NOTICE = { ...NOTICE, title: 'Personal information notice', body: 'Controller: the Linjiang investment office.\nPurpose: only to answer your inquiry.\nKept: 2 years after the inquiry ends.' };

const anEnglishCard = () =>
  aCardView({
    district: { ...aCardView().district, name: 'Linjiang New Area', slogan: 'Where industry and city grow together', intro: 'Linjiang New Area.', keyIndustries: ['Smart manufacturing'], headlineFigures: [], policyHighlights: [] },
    owner: aPerson({ name: 'Wang Jianguo', title: 'Director', unitName: 'Investment Promotion Bureau' }),
    contact: aPerson({ staffId: 'staff_li', cardId: 'card_li', name: 'Li Xiaowen', title: 'Investment officer', unitName: 'Industry team 1', phone: '13800001234', wechatId: null }),
    featuredIndustries: ['Smart manufacturing'],
    highlightedCarriers: [],
  });

/** The answer to an English `carrier.match`: one carrier with English, one whose name and street are Chinese only. */
const ENGLISH_MATCHES: CarrierMatches = {
  matches: [
    {
      carrier: aCarrier({ id: 'factory-001', type: 'factory', name: 'High-tech Standard Factory, Zone A', street: 'High-tech Zone', vacantArea: 3_200, suitedIndustries: ['Smart manufacturing'], fallbackZh: [] }),
      score: 100,
      reasons: [{ code: 'area_fits', vacantArea: 3_200 }, { code: 'industry_fits', index: 0 }],
    },
    {
      carrier: aCarrier({ id: 'factory-002', type: 'factory', name: '南岭工业坊', street: '南岭街道', vacantArea: 4_000, suitedIndustries: ['新能源'], fallbackZh: ['name', 'street', 'suitedIndustries.0'] }),
      score: 90,
      reasons: [{ code: 'area_fits', vacantArea: 4_000 }, { code: 'on_street' }, { code: 'industry_fits', index: 0 }],
    },
  ],
  nearMisses: [],
};

let backend: FakeBackend | undefined;
// The English texts are fetched once per app; here before the pages, so each asks the backend once, in English.
beforeAll(() => (require('../../../src/i18n/english-dictionary') as typeof import('../../../src/i18n/english-dictionary')).loadEnglishDictionary());
beforeEach(() => {
  Taro.resetLeadLoopTaro();
  forgetLanguageForTests();
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

const type = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId).querySelector('input') as HTMLElement, { target: { value } });
};
const pick = (testId: string, label: string) => {
  const select = screen.getByTestId(testId).querySelector('select') as HTMLSelectElement;
  fireEvent.change(select, { target: { value: String(Array.from(select.options).findIndex((o) => o.textContent === label)) } });
};

describe('the inquiry in English', () => {
  it('the form about a carrier with English: its English name, and the inquiry says it was asked in English', async () => {
    Taro.setRouterParams({ carrierId: 'factory-001', channel: 'chat', lang: 'en' }, '/inquiry/lead-form/index');
    backend = fakeBackend({
      'carrier.get': () => aCarrierDetail({ id: 'factory-001', name: 'High-tech Standard Factory, Zone A', districtId: 'district_linjiang', fallbackZh: [] }),
      'lead.privacyNotice': () => ENGLISH_NOTICE,
      'lead.submit': () => SUBMITTED,
      'carrier.match': () => ENGLISH_MATCHES,
    });
    const { container } = render(<LeadFormPage />);
    await screen.findByText('Your contact details', undefined, { timeout: 5_000 });
    await waitFor(() => expect(screen.getByTestId('lead-form-carrier').textContent).toBe('About the site: High-tech Standard Factory, Zone A'));
    expect(backend.inputs('carrier.get')).toEqual([{ carrierId: 'factory-001', lang: 'en' }]);
    expect(within(screen.getByTestId('lead-form-carrier')).queryByTestId('chinese-mark')).toBeNull();
    expect(chineseLeftOn(container)).toEqual([]);

    type('field-name', 'Anna Schmidt');
    type('field-email', 'anna.schmidt@rhein.example');
    type('field-industry', 'Smart manufacturing');
    pick('field-scale', 'CNY 100–500 million');
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('submit-lead'));
    });
    await screen.findByTestId('lead-confirmation', undefined, { timeout: 5_000 });
    expect(backend.inputs('lead.submit')[0]).toMatchObject({ lang: 'en', contact: { email: 'anna.schmidt@rhein.example' } });

    // «Sites that may suit you»: asked in English, worded in English, Chinese-only content marked.
    const box = await screen.findByTestId('after-submit-matches', undefined, { timeout: 5_000 });
    expect(backend.inputs('carrier.match')[0]).toMatchObject({ lang: 'en', need: { industry: 'Smart manufacturing' } });
    expect(within(box).getByText('Sites that may suit you')).toBeTruthy();
    const [first, second] = within(box).getAllByTestId('carrier-match');
    expect(first.textContent).toContain('Factory');
    expect(first.textContent).toContain('3,200 m² available: fits');
    expect(first.textContent).toContain('Suited to Smart manufacturing');
    expect(within(first).queryAllByTestId('chinese-mark')).toHaveLength(0);
    expect(second.textContent).toContain('4,000 m² available: fits');
    // The name, the street and the two reasons quoting Chinese content are each marked and read as Chinese.
    expect(within(second).getAllByTestId('chinese-mark')).toHaveLength(4);
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('the form about a carrier with no English name: the Chinese name marked «中文»', async () => {
    Taro.setRouterParams({ carrierId: 'factory-002', channel: 'chat', lang: 'en' }, '/inquiry/lead-form/index');
    backend = fakeBackend({
      'carrier.get': () => aCarrierDetail({ id: 'factory-002', name: '南岭工业坊', districtId: 'district_linjiang', fallbackZh: ['name'] }),
      'lead.privacyNotice': () => ENGLISH_NOTICE,
    });
    const { container } = render(<LeadFormPage />);
    await screen.findByText('Your contact details', undefined, { timeout: 5_000 });
    const carrier = await screen.findByTestId('lead-form-carrier');
    await waitFor(() => expect(within(carrier).getByTestId('chinese-mark').textContent).toBe('中文'));
    expect(within(carrier).getByText('南岭工业坊').getAttribute('lang')).toBe('zh');
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('the form from a card: the card read in English, the recipient named in English', async () => {
    Taro.setRouterParams({ cardId: 'card_wang', channel: 'chat', lang: 'en' }, '/inquiry/lead-form/index');
    backend = fakeBackend({ 'card.get': () => anEnglishCard(), 'lead.privacyNotice': () => ENGLISH_NOTICE });
    const { container } = render(<LeadFormPage />);
    await screen.findByText('Your contact details', undefined, { timeout: 5_000 });
    await waitFor(() => expect(screen.getByTestId('lead-form-recipient').textContent).toBe('Li Xiaowen (Investment officer) will handle your inquiry'));
    expect(backend.inputs('card.get')).toEqual([{ cardId: 'card_wang', lang: 'en' }]);
    expect(chineseLeftOn(container)).toEqual([]);
  });

  it('我的咨询: asked in English, the carriers by their English names, a Chinese-only one marked', async () => {
    Taro.setRouterParams({ lang: 'en' }, '/inquiry/my-leads/index');
    backend = fakeBackend({
      'lead.mine': () => ({
        items: [
          anInvestorLead({ id: 'a', industry: 'Smart manufacturing', message: 'We need 3,000 m².', carrierName: 'Linjiang Financial Centre', handlerName: 'Li Xiaowen', fallbackZh: [] }),
          anInvestorLead({
            id: 'b',
            status: 'contacted',
            industry: 'New energy',
            message: 'Factory space, please.',
            carrierName: '南岭工业坊',
            handlerName: '李晓雯',
            replies: [{ at: '2026-03-02T03:00:00.000Z', staffName: '李晓雯', text: '您好，明天上午给您打电话。' }],
            fallbackZh: ['carrierName', 'handlerName', 'replies.0.staffName', 'replies.0.text'],
          }),
        ],
      }),
      'privacy.mine': () => ({ items: [] }),
    });
    const { container } = render(<MyLeadsPage />);
    await screen.findByText('Linjiang Financial Centre');
    expect(backend.inputs('lead.mine')).toEqual([{ lang: 'en' }]);
    const [english, chinese] = screen.getAllByTestId('my-lead');
    expect(within(english).queryByTestId('chinese-mark')).toBeNull();
    // The carrier, the handler, the reply's author and its text: each Chinese-only, each marked.
    expect(within(chinese).getAllByTestId('chinese-mark').map((m) => m.textContent)).toEqual(['中文', '中文', '中文', '中文']);
    expect(within(chinese).getByText('南岭工业坊').getAttribute('lang')).toBe('zh');
    expect(within(chinese).getByText('您好，明天上午给您打电话。').getAttribute('lang')).toBe('zh');
    expect(chineseLeftOn(container)).toEqual([]);
  });
});
