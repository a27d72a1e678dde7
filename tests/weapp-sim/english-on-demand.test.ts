import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, DIST, OPENIDS, startWorld, type SimWorld } from './support/sim-world';

/**
 * The English dictionary is not in the main package (#12): it is the `english` subpackage's one file, fetched with
 * WeChat's `require.async` only when a page speaks English. A Chinese visitor never runs it.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

const ENGLISH_FILE = 'english/dictionary.js';
/** A text of en.ts itself (en-core's few first-screen texts may stay in main). */
const ENGLISH_ONLY_TEXT = 'Key figures';

/** The backend actions the app called, in order (with their input). */
const actionsCalled = (app: { calls: Array<{ api: string; options: unknown }> }) =>
  app.calls.filter((c) => c.api === 'cloud.callFunction').map((c) => (c.options as { data: { action: string; input: Record<string, unknown> } }).data);

describe('the English dictionary, on demand', () => {
  it('a Chinese visitor’s card, carriers and a carrier never load it', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(card.render().text).toContain('区域概况');
    await card.tap('载体查询');
    const first = app.top()?.tappables('空置面积核实于').find((n) => n.tag === 'wx-view');
    if (first) await app.top()?.tapElement(first);
    expect(app.top()?.route).toBe('pages/carrier-detail/index');

    expect(app.loadedFiles.filter((file) => file.startsWith('english/'))).toEqual([]);
    // Not bundled into what did run either (a static import would put it into common.js).
    expect(app.loadedFiles.filter((file) => readFileSync(join(DIST, file), 'utf8').includes(ENGLISH_ONLY_TEXT))).toEqual([]);
    expect(readFileSync(join(DIST, ENGLISH_FILE), 'utf8')).toContain(ENGLISH_ONLY_TEXT);
    expect(app.asyncLoads).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a visitor who chose English gets the card in English, the dictionary fetched once from its subpackage', async () => {
    const { app } = world.phone(OPENIDS.investorA, { storage: new Map([['investcard:lang', 'en']]) });
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(card.render().text).toContain('About the district');
    expect(card.render().text).not.toContain('区域概况');
    // The card is asked for once, in English: not first in Chinese and again when the dictionary arrives.
    expect(actionsCalled(app).filter((d) => d.action === 'card.get')).toEqual([{ action: 'card.get', input: expect.objectContaining({ cardId: DEMO.headCardId, lang: 'en' }) }]);

    await card.tap('Sites');
    expect(app.top()?.route).toBe('pages/carriers/index');
    expect(app.top()?.render().text).toContain('Vacancy verified');
    expect(app.asyncLoads).toEqual([ENGLISH_FILE]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the switch on a Chinese card fetches it then, and the page turns English', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(app.asyncLoads).toEqual([]);
    await card.tap('English');
    expect(card.render().text).toContain('About the district');
    expect(app.asyncLoads).toEqual([ENGLISH_FILE]);
    expect(app.consoleErrors).toEqual([]);
  });
});
