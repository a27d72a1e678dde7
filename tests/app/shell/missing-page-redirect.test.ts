import { MOVED_PAGES } from '../../../src/first-screen/first-screen-route';
import { ROUTES } from '../../../src/routes';
import { missingPageTarget } from '../../../src/shell/missing-page-redirect';

/** Where the mini-program's onPageNotFound sends a path it has no page for (the weapp sim opens them for real). */
describe('missingPageTarget', () => {
  it('sends each page that moved to inquiry/ to its new path, with the query as WeChat handed it over', () => {
    expect(missingPageTarget({ path: 'pages/lead-form/index', query: { cardId: 'card_wang', s: 'Ab3dEf9hJk' } })).toBe('/inquiry/lead-form/index?cardId=card_wang&s=Ab3dEf9hJk');
    expect(missingPageTarget({ path: 'pages/my-leads/index', query: { claim: 'abcde-23456' } })).toBe('/inquiry/my-leads/index?claim=abcde-23456');
    expect(missingPageTarget({ path: '/pages/directory/index/', query: {} })).toBe('/inquiry/directory/index');
    for (const [from, to] of Object.entries(MOVED_PAGES)) expect(missingPageTarget({ path: from.slice(1) })).toBe(to);
  });

  it('sends anything else to the card, query kept; a value cannot break out of its pair', () => {
    expect(missingPageTarget({ path: 'pages/old-poster/index', query: { cardId: 'card_wang' } })).toBe(`${ROUTES.card}?cardId=card_wang`);
    expect(missingPageTarget({ path: 'pages/lead-form/indexx' })).toBe(ROUTES.card);
    expect(missingPageTarget({ path: 'x', query: { cardId: 'a&admin=1', q: 'https%3A%2F%2Fx', n: 3, bad: { nested: true } } })).toBe(`${ROUTES.card}?cardId=a%26admin%3D1&q=https%3A%2F%2Fx&n=3`);
  });
});
