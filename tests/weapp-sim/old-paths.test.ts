import { MOVED_PAGES } from '../../src/first-screen/first-screen-route';
import { DEMO, OPENIDS, startWorld, type SimWorld } from './support/sim-world';

/**
 * Shares and QR codes made before the inquiry/ move (#12) name `pages/lead-form/index` and its siblings. The
 * mini-program no longer has those pages: WeChat asks the app (`onPageNotFound`), which sends each to its new
 * path with the same query, and anything else it does not know to the card.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

describe('a path the mini-program no longer has', () => {
  it('pages/lead-form/index from an old share opens the lead form with the share’s query', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const page = await app.start('pages/lead-form/index', { cardId: DEMO.headCardId, s: 'Ab3dEf9hJk' });
    expect(page.route).toBe('inquiry/lead-form/index');
    expect(page.query).toEqual({ cardId: DEMO.headCardId, s: 'Ab3dEf9hJk' });
    expect(page.render().text).toContain('林致远');
    expect(app.pages.map((p) => p.route)).toEqual(['inquiry/lead-form/index']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('every moved page lands on its new path, query kept', async () => {
    for (const [oldPath, newPath] of Object.entries(MOVED_PAGES)) {
      const { app } = world.phone(OPENIDS.investorA);
      const page = await app.start(oldPath.replace(/^\//, ''), { cardId: DEMO.headCardId, channel: 'qr' });
      expect([oldPath, page.route]).toEqual([oldPath, newPath.replace(/^\//, '')]);
      expect(page.query).toEqual({ cardId: DEMO.headCardId, channel: 'qr' });
    }
  });

  it('an unknown path opens the card, with the card its query names', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const page = await app.start('pages/no-such-page/index', { cardId: DEMO.headCardId });
    expect(page.route).toBe('pages/card/index');
    expect(page.query).toEqual({ cardId: DEMO.headCardId });
    expect(page.render().text).toContain('林致远');
    expect(app.consoleErrors).toEqual([]);
  });
});
