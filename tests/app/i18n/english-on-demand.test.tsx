import { act, renderHook, waitFor } from '@testing-library/react';
import { zh } from '../../../src/i18n/zh';

/**
 * The English dictionary is a lazy chunk (#12): loaded the first time a page wants English, never for a Chinese
 * page; until it has arrived the page reads Chinese, texts and language together.
 */
let mockEnglishLoads = 0;
jest.mock('../../../src/i18n/en', () => {
  mockEnglishLoads += 1;
  return jest.requireActual('../../../src/i18n/en');
});

const { usePageLanguage } = require('../../../src/i18n/use-page-language') as typeof import('../../../src/i18n/use-page-language');
const { chooseLanguage, forgetLanguageForTests } = require('../../../src/i18n/language') as typeof import('../../../src/i18n/language');

beforeEach(() => forgetLanguageForTests());

describe('the English dictionary, on demand', () => {
  it('a Chinese page never loads it', async () => {
    const { result } = renderHook(() => usePageLanguage(null));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current.lang).toBe('zh');
    expect(result.current.t).toBe(zh);
    expect(result.current).toMatchObject({ contentLang: 'zh', pending: false });
    expect(mockEnglishLoads).toBe(0);
  });

  it('a page asked for English asks for English data at once and waits (pending) for the dictionary, then reads English; it is loaded once', async () => {
    const { result } = renderHook(() => usePageLanguage('en'));
    expect(result.current).toEqual({ lang: 'zh', t: zh, contentLang: 'en', pending: true });
    await waitFor(() => expect(result.current.lang).toBe('en'));
    expect(result.current.pending).toBe(false);
    expect(result.current.contentLang).toBe('en');
    expect(result.current.t.cardFiguresTitle).toBe('Key figures');
    expect(mockEnglishLoads).toBe(1);

    const second = renderHook(() => usePageLanguage(null));
    expect(second.result.current.lang).toBe('en');
    act(() => chooseLanguage('zh'));
    expect(second.result.current).toEqual({ lang: 'zh', t: zh, contentLang: 'zh', pending: false });
    expect(mockEnglishLoads).toBe(1);
  });
});
