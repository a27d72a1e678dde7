import { cardLocation, movedHashRoute } from '../../../src/first-screen/first-screen-route';

describe('which card an address opens (before the app routes it)', () => {
  it('opens the default card at the site root', () => {
    expect(cardLocation('', '')).toEqual({ request: {}, hashRoute: null });
    expect(cardLocation('#/', '')).toEqual({ request: {}, hashRoute: null });
  });

  it('reads the card page hash route as Taro does, undecoded', () => {
    expect(cardLocation('#/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk', '')).toEqual({ request: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' }, hashRoute: null });
    expect(cardLocation('#/pages/card/index?scene=s%3DAb3dEf9hJk', '')).toEqual({ request: { shareCode: 'Ab3dEf9hJk' }, hashRoute: null });
    expect(cardLocation('#/pages/card/index', '')).toEqual({ request: {}, hashRoute: null });
  });

  it('lets the hash decide when there is one, whatever the query string says', () => {
    expect(cardLocation('#/pages/card/index?cardId=card_li', '?cardId=card_wang')).toEqual({ request: { cardId: 'card_li' }, hashRoute: null });
    expect(cardLocation('#/pages/carriers/index?districtId=d1', '?cardId=card_wang')).toBeNull();
  });

  it('opens nothing for the other pages', () => {
    expect(cardLocation('#/pages/carrier-detail/index?id=c1', '')).toBeNull();
    expect(cardLocation('#/staff/inbox/index', '')).toBeNull();
  });

  it('turns a query-string card address (web links, plain-URL QR codes) into the card hash route', () => {
    expect(cardLocation('', '?cardId=card_wang&s=Ab3dEf9hJk')).toEqual({
      request: { cardId: 'card_wang', shareCode: 'Ab3dEf9hJk' },
      hashRoute: '#/pages/card/index?cardId=card_wang&s=Ab3dEf9hJk',
    });
    // Other parameters (analytics, say) neither name a card nor travel into the route.
    expect(cardLocation('', '?utm_source=moments')).toEqual({ request: {}, hashRoute: null });
    expect(cardLocation('', '?s=nope&from=x')).toEqual({ request: {}, hashRoute: '#/pages/card/index?s=nope' });
  });
});

describe('old addresses of the pages that left the main package', () => {
  it('become the new hash route with their query untouched', () => {
    expect(movedHashRoute('#/pages/lead-form/index?cardId=card_wang&channel=web_link')).toBe('#/inquiry/lead-form/index?cardId=card_wang&channel=web_link');
    expect(movedHashRoute('#/pages/my-leads/index?claim=abcde-23456')).toBe('#/inquiry/my-leads/index?claim=abcde-23456');
    expect(movedHashRoute('#/pages/directory/index/')).toBe('#/inquiry/directory/index');
  });

  it('leave every other address alone', () => {
    expect(movedHashRoute('')).toBeNull();
    expect(movedHashRoute('#/pages/card/index?cardId=card_wang')).toBeNull();
    expect(movedHashRoute('#/inquiry/lead-form/index')).toBeNull();
    expect(movedHashRoute('#/pages/lead-form/indexx')).toBeNull();
    expect(movedHashRoute('#/toString')).toBeNull();
  });
});

describe('a shared link’s language', () => {
  it('travels from the query string into the hash route the app reads, and names no card', () => {
    const { cardLocation } = require('../../../src/first-screen/first-screen-route') as typeof import('../../../src/first-screen/first-screen-route');
    expect(cardLocation('', '?cardId=card-1&s=Ab3dEf9hJk&lang=en')?.hashRoute).toBe('#/pages/card/index?cardId=card-1&s=Ab3dEf9hJk&lang=en');
    expect(cardLocation('', '?lang=en')).toEqual({ request: {}, hashRoute: '#/pages/card/index?lang=en' });
    expect(cardLocation('', '?lang=fr')).toEqual({ request: {}, hashRoute: null });
  });

  it('is what the first screen speaks before the app, then the remembered choice, then the browser', () => {
    const { firstScreenLanguage, linkLanguage } = require('../../../src/first-screen/first-screen-language') as typeof import('../../../src/first-screen/first-screen-language');
    expect(linkLanguage('', '#/pages/card/index?cardId=c&lang=en')).toBe('en');
    const win = (search: string, stored: string | null, language: string) =>
      ({ location: { search, hash: '' }, localStorage: { getItem: () => stored }, navigator: { language } }) as unknown as Window;
    expect(firstScreenLanguage(win('?lang=en', JSON.stringify({ data: 'zh' }), 'zh-CN'))).toBe('en');
    expect(firstScreenLanguage(win('', JSON.stringify({ data: 'en' }), 'zh-CN'))).toBe('en');
    expect(firstScreenLanguage(win('', null, 'de-DE'))).toBe('en');
    expect(firstScreenLanguage(win('', null, 'zh-TW'))).toBe('zh');
  });
});
