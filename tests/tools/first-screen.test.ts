import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ok as okResult, fail } from '../../domain/common/result';
import { renderCardFirstScreen } from '../../src/first-screen/card-first-screen';
import { FIRST_SCREEN_ELEMENT_ID, SERVED_CARD_ELEMENT_ID } from '../../src/first-screen/first-screen-handoff';
import { buildFirstScreen, FIRST_SCREEN_STYLESHEETS, pxToRem, rootFontSizeScript, type RemScale } from '../../tools/h5-first-screen';
import { createFirstScreenPage, injectFirstScreen } from '../../tools/local-cloud/first-screen-page';
import { browserLanguageOf } from '../../src/first-screen/first-screen-language';
import { startLocalCloud, type RunningLocalCloud } from '../../tools/local-cloud/server';
import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { aCardView } from '../app/support/card-view.mother';
import { createTestBackend, type TestBackend } from '../support/test-backend';

const ROOT = resolve(__dirname, '../..');
/** config/index.ts: designWidth 750, deviceRatio[750] 1, root size 16–22 px. */
const SCALE: RemScale = { rootValue: 32, designWidth: 750, minRootSize: 16, maxRootSize: 22 };

/** A built index.html as html-webpack-plugin minifies it: the two slots the web host fills. */
const INDEX_HTML = `<!doctype html><html><head><title>招商名片</title></head><body><noscript>…</noscript><div id="app"></div><script id="${SERVED_CARD_ELEMENT_ID}" type="application/json">null</script><script>boot()</script></body></html>`;

describe('first screen build (tools/h5-first-screen.ts)', () => {
  it('turns px into rem as Taro’s pxtransform does, leaving PX, strings and urls alone', () => {
    expect(pxToRem('.a{margin:-40px 0 12px;border:1px solid #eee;width:516PX;height:0px}', 32)).toBe('.a{margin:-1.25rem 0 0.375rem;border:0.03125rem solid #eee;width:516PX;height:0}');
    expect(pxToRem(".b{background:url(/a-12px.png);content:'3px';font-family:\"8px\"}", 32)).toBe(".b{background:url(/a-12px.png);content:'3px';font-family:\"8px\"}");
    expect(pxToRem('.c{min-height:360px;padding:calc(120px + env(safe-area-inset-bottom))}', 32)).toBe('.c{min-height:11.25rem;padding:calc(3.75rem + env(safe-area-inset-bottom))}');
  });

  it('sets the root font size from the viewport’s shorter side, clamped, whatever the document’s height, as a share of the user’s text size', () => {
    const rootSize = (innerWidth: number, innerHeight: number) => {
      const documentElement = { style: { fontSize: '' }, clientWidth: innerWidth, clientHeight: 8 };
      runInNewContext(rootFontSizeScript(SCALE), { window: { innerWidth, innerHeight, document: { documentElement }, addEventListener: () => undefined }, setTimeout });
      return documentElement.style.fontSize;
    };
    // A percentage of the browser's default font size (16px unless the user set more), never a fixed px size.
    expect(rootSize(390, 844)).toBe('104%');
    expect(rootSize(844, 390)).toBe('104%');
    expect(rootSize(320, 568)).toBe('100%');
    expect(rootSize(1280, 720)).toBe('137.5%');
  });

  it('bundles the boot script and the components’ own stylesheets for inlining', () => {
    const built = buildFirstScreen({ root: ROOT, apiBase: 'https://zs.example.gov.cn', scale: SCALE });
    expect(built.script).toContain('https://zs.example.gov.cn');
    expect(built.script).not.toMatch(/<\/script/i);
    expect(built.script.length).toBeLessThan(40_000);
    expect(FIRST_SCREEN_STYLESHEETS.length).toBeGreaterThan(5);
    expect(built.style).toContain('.district-hero {\nposition: relative;\noverflow: hidden;\nmin-height: 11.25rem;');
    for (const rule of ['body {', '#app:empty {', '.district-hero__cover {', '.contact-card__action', '.section-block {', '.action-grid {', '.demo-banner {']) expect(built.style).toContain(rule);
    expect(built.style).not.toMatch(/\d(?:\.\d+)?px/);
    expect(built.rootFontScript).toBe(rootFontSizeScript(SCALE));
  });
});

describe('web host: the card rendered into index.html (tools/local-cloud/first-screen-page.ts)', () => {
  const card = aCardView({ greeting: 'a $& b $1 </script><script>alert(1)</script>' });
  const served = { input: { cardId: 'card_wang' }, answer: okResult(card) };

  it('puts the card before the app root and its answer in the JSON slot, inert whatever the card says', () => {
    const html = injectFirstScreen(INDEX_HTML, served, renderCardFirstScreen(card));
    expect(html.indexOf(`<div id="${FIRST_SCREEN_ELEMENT_ID}" aria-busy="true">`)).toBeLessThan(html.indexOf('<div id="app"></div>'));
    // Two scripts in, two closing tags: nothing in the card closed one early or opened another.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('a $&amp; b $1 &lt;/script&gt;');
    const json = html.slice(html.indexOf('application/json">') + 'application/json">'.length, html.indexOf('</script>'));
    expect(JSON.parse(json)).toEqual(served);
  });

  it('leaves a page without both slots as it is', () => {
    expect(injectFirstScreen('<html><body><div id="root"></div></body></html>', served, 'x')).toBe('<html><body><div id="root"></div></body></html>');
  });

  describe('per request', () => {
    let dir: string;
    let indexFile: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'investcard-first-screen-'));
      indexFile = join(dir, 'index.html');
      writeFileSync(indexFile, INDEX_HTML);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('answers the card the query string names, or the default card', async () => {
      const answerCard = jest.fn((request: object) => Promise.resolve(okResult(aCardView({ cardId: JSON.stringify(request) }))));
      const page = createFirstScreenPage({ indexFile, answerCard });
      expect(await page(new URL('http://h/?cardId=card_li&s=Ab3dEf9hJk&utm=x'))).toContain('临江新区');
      expect(await page(new URL('http://h/'))).toContain(`id="${FIRST_SCREEN_ELEMENT_ID}"`);
      expect(answerCard.mock.calls.map(([r]) => r)).toEqual([{ cardId: 'card_li', shareCode: 'Ab3dEf9hJk' }, {}]);
    });

    it('asks for the English content when the link says lang=en, and hands that very request to the app', async () => {
      const answerCard = jest.fn((request: object) => Promise.resolve(okResult(aCardView({ cardId: 'card_li', greeting: JSON.stringify(request) }))));
      const page = createFirstScreenPage({ indexFile, answerCard });
      const html = await page(new URL('http://h/?cardId=card_li&lang=en'));
      expect(answerCard.mock.calls.map(([r]) => r)).toEqual([{ cardId: 'card_li', lang: 'en' }]);
      expect(html).toContain('"input":{"cardId":"card_li","lang":"en"}');
      expect(html).toContain('data-lang="en"');
    });

    it('asks in the browser\'s language when the link names none, as the boot script will (so its answer is handed over)', async () => {
      const answerCard = jest.fn((request: object) => Promise.resolve(okResult(aCardView({ cardId: 'card_li', greeting: JSON.stringify(request) }))));
      const page = createFirstScreenPage({ indexFile, answerCard });
      const english = await page(new URL('http://h/'), 'en-US,en;q=0.9');
      expect(english).toContain('"input":{"lang":"en"}');
      expect(english).toContain('data-lang="en"');
      expect(await page(new URL('http://h/'), 'zh-CN,zh;q=0.9,en;q=0.8')).toContain('data-lang="zh"');
      expect(await page(new URL('http://h/'))).toContain('data-lang="zh"');
      // The link's language wins over the browser's.
      expect(await page(new URL('http://h/?lang=zh'), 'en-GB')).toContain('data-lang="zh"');
      expect(answerCard.mock.calls.map(([r]) => r)).toEqual([{ lang: 'en' }, {}, {}, {}]);
    });

    it.each([
      ['en-US,en;q=0.9', 'en'],
      ['de-DE', 'en'],
      ['zh-CN,zh;q=0.9', 'zh'],
      ['zh_TW', 'zh'],
      ['', 'zh'],
      ['*', 'zh'],
      [undefined, 'zh'],
    ])('reads accept-language %p as the browser language %p', (header, lang) => {
      expect(browserLanguageOf(header)).toBe(lang);
    });

    it('serves the page as built when the card cannot be answered', async () => {
      const page = createFirstScreenPage({ indexFile, answerCard: () => Promise.resolve(fail('CARD.NOT_FOUND')) });
      expect(await page(new URL('http://h/?cardId=card_gone'))).toBe(INDEX_HTML);
    });

    it('picks up a rebuilt index.html', async () => {
      const page = createFirstScreenPage({ indexFile, answerCard: () => Promise.resolve(fail('CARD.NOT_FOUND')) });
      await page(new URL('http://h/'));
      writeFileSync(indexFile, INDEX_HTML.replace('招商名片', '新版'));
      utimesSync(indexFile, new Date(), new Date(Date.now() + 5000));
      expect(await page(new URL('http://h/'))).toContain('新版');
    });
  });

  describe('through the local cloud', () => {
    let backend: TestBackend;
    let cloud: RunningLocalCloud;
    let dir: string;
    beforeAll(async () => {
      backend = await createTestBackend();
      dir = mkdtempSync(join(tmpdir(), 'investcard-h5-'));
      writeFileSync(join(dir, 'index.html'), INDEX_HTML);
      cloud = await startLocalCloud({ deps: backend.deps, actions: ALL_ACTIONS, port: 0, staticDir: dir });
    });
    afterAll(async () => {
      await cloud.close();
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('renders the seeded card into the page at the site root, uncached', async () => {
      const res = await fetch(cloud.url);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain(`<div id="${FIRST_SCREEN_ELEMENT_ID}"`);
      expect(html).toContain('class="district-hero__name">云川市临江区（演示）</span>');
      expect(html).not.toContain('application/json">null<');
    });

    it('serves the page as built for a card that does not exist', async () => {
      const html = await (await fetch(`${cloud.url}?cardId=card-missing`)).text();
      expect(html).toBe(INDEX_HTML);
    });
  });
});
