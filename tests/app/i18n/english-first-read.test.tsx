import { act, render, screen, waitFor } from '@testing-library/react';
import type { Dictionary } from '../../../src/i18n/dictionary';
import { aCardView, aCarrier, aPerson } from '../support/card-view.mother';
import { aCarrierDetail, installBackend } from '../support/journey-backend';
import * as Taro from '../support/journey-taro';

jest.mock('@tarojs/taro', () => require('../support/journey-taro'));

/**
 * Issue 15 (English gap 2): the page's language is known before the English dictionary arrives (a link's
 * `lang=en`, the remembered switch, the system's language), so an English page asks for its data in English from
 * its first request — one read, never a Chinese one first — and shows a neutral loading state, no Chinese
 * interface text, until the dictionary is there. The dictionary is held back here the way the mini-program's lazy
 * `english/` chunk holds it back (`require.async`), and let go when the test says.
 */
const mockDictionary: { loaded: Dictionary | null; release: (() => void) | null; fail: (() => void) | null; listeners: Set<() => void>; loads: number } = {
  loaded: null,
  release: null,
  fail: null,
  listeners: new Set(),
  loads: 0,
};
jest.mock('../../../src/i18n/english-dictionary', () => ({
  englishDictionary: () => mockDictionary.loaded,
  loadEnglishDictionary: () => {
    mockDictionary.loads += 1;
    return new Promise<Dictionary>((resolve, reject) => {
      mockDictionary.release = () => {
        const { en } = jest.requireActual<typeof import('../../../src/i18n/en')>('../../../src/i18n/en');
        mockDictionary.loaded = en;
        mockDictionary.listeners.forEach((listener) => listener());
        resolve(en);
      };
      mockDictionary.fail = () => reject(new Error('subpackage download failed'));
    });
  },
  subscribeEnglishDictionary: (listener: () => void) => {
    mockDictionary.listeners.add(listener);
    return () => mockDictionary.listeners.delete(listener);
  },
}));

// Loaded after the mocks are in place.
const CardPage = (require('../../../src/pages/card/index') as typeof import('../../../src/pages/card/index')).default;
const CarriersPage = (require('../../../src/pages/carriers/index') as typeof import('../../../src/pages/carriers/index')).default;
const CarrierDetailPage = (require('../../../src/pages/carrier-detail/index') as typeof import('../../../src/pages/carrier-detail/index')).default;
const DirectoryPage = (require('../../../src/inquiry/directory/index') as typeof import('../../../src/inquiry/directory/index')).default;
const MyLeadsPage = (require('../../../src/inquiry/my-leads/index') as typeof import('../../../src/inquiry/my-leads/index')).default;
const { forgetLanguageForTests } = require('../../../src/i18n/language') as typeof import('../../../src/i18n/language');

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Every text a person or a screen reader could get from the page: its text and its labels. */
const everyText = (root: HTMLElement): string => {
  const texts = [root.textContent ?? ''];
  root.querySelectorAll('*').forEach((el) => {
    for (const attr of ['aria-label', 'placeholder', 'alt', 'title']) texts.push(el.getAttribute(attr) ?? '');
  });
  return texts.join(' ');
};

const anEnglishCard = (lang: string | undefined) =>
  aCardView({
    district: {
      ...aCardView().district,
      name: lang === 'en' ? 'Linjiang New Area' : '临江新区',
      slogan: 'Where industry and city grow together',
      intro: 'Linjiang New Area.',
      keyIndustries: ['Smart manufacturing'],
      headlineFigures: [],
      policyHighlights: [],
    },
    owner: aPerson({ name: 'Wang Jianguo', title: 'Director', unitName: 'Investment Promotion Bureau' }),
    contact: null,
    featuredIndustries: ['Smart manufacturing'],
    highlightedCarriers: [aCarrier({ name: 'Linjiang Smart Manufacturing Park', street: 'Binjiang', suitedIndustries: ['Smart manufacturing'] })],
  });

let backend: ReturnType<typeof installBackend> | undefined;
beforeEach(() => {
  forgetLanguageForTests();
  mockDictionary.loaded = null;
  mockDictionary.release = null;
  mockDictionary.fail = null;
  mockDictionary.loads = 0;
});
afterEach(() => {
  backend?.restore();
  backend = undefined;
});

/** The data actions each page reads (what must be asked once, in English). */
const reads = (b: NonNullable<typeof backend>, actions: string[]) => actions.flatMap((action) => b.inputsOf(action).map((input: Record<string, unknown>) => ({ action, lang: input.lang })));

const PAGES = [
  {
    name: 'the card, from a link with lang=en',
    setUp: () => Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk', lang: 'en' }),
    Page: CardPage,
    actions: ['card.get'],
    english: 'Featured sites',
  },
  {
    name: 'the carriers, in the remembered English',
    setUp: () => {
      Taro.resetJourneyMock({ districtId: 'district_linjiang', cardId: 'card_wang' }, '/pages/carriers/index');
      Taro.deviceStorage.set('investcard:lang', 'en');
    },
    Page: CarriersPage,
    actions: ['card.get', 'carrier.search'],
    english: 'Linjiang Smart Manufacturing Park',
  },
  {
    name: 'a carrier’s details, from a link with lang=en',
    setUp: () => Taro.resetJourneyMock({ carrierId: 'carrier-factory-1', lang: 'en' }, '/pages/carrier-detail/index'),
    Page: CarrierDetailPage,
    actions: ['carrier.get'],
    english: 'High-tech Standard Factory A',
  },
  {
    name: 'the directory, in the remembered English',
    setUp: () => {
      Taro.resetJourneyMock({ districtId: 'district_linjiang', cardId: 'card_wang' }, '/inquiry/directory/index');
      Taro.deviceStorage.set('investcard:lang', 'en');
    },
    Page: DirectoryPage,
    actions: ['card.get', 'directory.list'],
    english: 'Li Xiaowen',
  },
  {
    name: '我的咨询, from a link with lang=en',
    setUp: () => Taro.resetJourneyMock({ lang: 'en' }, '/inquiry/my-leads/index'),
    Page: MyLeadsPage,
    actions: ['lead.mine'],
    english: 'No inquiries yet',
  },
];

const installEnglishBackend = () =>
  installBackend({
    'card.get': (input: { lang?: string }) => anEnglishCard(input.lang),
    'share.visit': () => ({ counted: true }),
    'carrier.search': () => ({ items: [aCarrier({ name: 'Linjiang Smart Manufacturing Park', street: 'Binjiang', suitedIndustries: ['Smart manufacturing'] })], nextCursor: null, total: 1 }),
    'carrier.get': () => aCarrierDetail({ name: 'High-tech Standard Factory A', street: 'High-tech Zone', address: '88 Kechuang Avenue', facilities: [], policies: [], suitedIndustries: [], managerName: 'Mr Zheng' }),
    'directory.list': () => ({
      units: [{ id: 'unit_1', name: 'Investment Promotion Bureau' }],
      people: [aPerson({ staffId: 'staff_li', cardId: 'card_li', name: 'Li Xiaowen', title: 'Investment officer', unitName: 'Investment Promotion Bureau' })],
    }),
    'lead.mine': () => ({ items: [] }),
    'privacy.mine': () => ({ items: [] }),
  });

describe('an English page while its dictionary is still loading', () => {
  it.each(PAGES)('$name: the first read is in English, it is the only one, and no Chinese is shown before the dictionary', async ({ setUp, Page, actions, english }) => {
    setUp();
    backend = installEnglishBackend();
    const { container } = render(<Page />);
    // The data is asked for at once, in English, while the dictionary is still on its way.
    await waitFor(() => expect(reads(backend!, actions).length).toBe(actions.length));
    expect(reads(backend!, actions)).toEqual(actions.map((action) => ({ action, lang: 'en' })));
    // Let every answer land: the page still waits for its texts, neutrally.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(mockDictionary.loads).toBe(1);
    expect(screen.getByTestId('language-pending').getAttribute('aria-label')).toBe('Loading…');
    expect(HAN.test(everyText(container))).toBe(false);
    expect(Taro.setNavigationBarTitle).not.toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringMatching(HAN) }));

    act(() => mockDictionary.release?.());
    await screen.findByText(english);
    expect(screen.queryByTestId('language-pending')).toBeNull();
    // The English answer is used as it is: nothing is read again once the texts arrive.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(reads(backend!, actions)).toEqual(actions.map((action) => ({ action, lang: 'en' })));
  });

  it('a Chinese page is never held back and never asks for English', async () => {
    Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk' });
    backend = installEnglishBackend();
    render(<CardPage />);
    await screen.findByText('区域概况');
    expect(screen.queryByTestId('language-pending')).toBeNull();
    expect(mockDictionary.loads).toBe(0);
    expect(reads(backend, ['card.get'])).toEqual([{ action: 'card.get', lang: undefined }]);
  });

  it('a dictionary that cannot be downloaded leaves the page Chinese, its data read again in Chinese', async () => {
    Taro.resetJourneyMock({ cardId: 'card_wang', s: 'Ab3dEf9hJk', lang: 'en' });
    backend = installEnglishBackend();
    render(<CardPage />);
    await waitFor(() => expect(mockDictionary.fail).not.toBeNull());
    await act(async () => {
      mockDictionary.fail?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await screen.findByText('区域概况');
    expect(screen.getByText('临江新区')).toBeTruthy();
    expect(screen.queryByTestId('language-pending')).toBeNull();
    expect(reads(backend, ['card.get']).map((r) => r.lang)).toEqual(['en', undefined]);
  });
});
