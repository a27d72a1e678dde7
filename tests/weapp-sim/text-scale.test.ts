import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsOf } from './support/wxml-renderer';
import { allPages, DEMO, DIST, OPENIDS, startWorld, type SimWorld } from './support/sim-world';

/**
 * WeChat's font size (and 关怀模式) reaches every page of the weapp build: each page template starts with a
 * `<page-meta>` whose page style carries `--text-scale` (config/weapp-a11y-plugin.ts), filled from
 * `wx.getAppBaseInfo().fontSizeScaleFactor` as the page loads (src/shell/text-scale-host.ts), and the type tokens
 * in the built stylesheet multiply by it.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

/** A phone whose WeChat reports this font scale (the fake's other base info kept). */
const phoneWithFontScale = (openid: string, appBase: Record<string, unknown>, systemInfo: Record<string, unknown> = {}) => {
  const phone = world.phone(openid);
  const wx = phone.app.fake.wx as Record<string, unknown>;
  const baseInfo = wx.getAppBaseInfo as () => Record<string, unknown>;
  const system = wx.getSystemInfoSync as () => Record<string, unknown>;
  wx.getAppBaseInfo = () => ({ ...baseInfo(), ...appBase });
  wx.getSystemInfoSync = () => ({ ...system(), ...systemInfo });
  return phone;
};

const pageStyleOf = (root: Parameters<typeof elementsOf>[0]) =>
  elementsOf(root)
    .filter(({ node }) => node.tag === 'wx-page-meta')
    .map(({ node }) => node.attr?.pageStyle);

describe('the text scale on the mini-program', () => {
  it('every page template starts with the page-meta that carries it', () => {
    const missing = allPages().filter((route) => !/^<import [^>]*\/>\s*<page-meta page-style="\{\{textScaleStyle\}\}">/.test(readFileSync(join(DIST, `${route}.wxml`), 'utf8')));
    expect(missing).toEqual([]);
  });

  it('the built type tokens multiply by it (rpx inside calc, fallback 1)', () => {
    const css = readFileSync(join(DIST, 'app-origin.wxss'), 'utf8');
    const sizes = [...css.matchAll(/--font-size-(xs|s|m|l|xl|xxl):([^;}]+)/g)].map((m) => [m[1], m[2].replace(/\s+/g, '')]);
    expect(Object.fromEntries(sizes)).toEqual({
      xs: 'calc(24rpx*var(--text-scale,1))',
      s: 'calc(26rpx*var(--text-scale,1))',
      m: 'calc(28rpx*var(--text-scale,1))',
      l: 'calc(32rpx*var(--text-scale,1))',
      xl: 'calc(36rpx*var(--text-scale,1))',
      xxl: 'calc(44rpx*var(--text-scale,1))',
    });
  });

  it.each([
    ['关怀模式 (23.8 / 17)', { fontSizeScaleFactor: 23.8 / 17 }, {}, '--text-scale:1.4'],
    ['the largest setting, capped at 200 %', { fontSizeScaleFactor: 2.4 }, {}, '--text-scale:2'],
    ['the standard size', { fontSizeScaleFactor: 1 }, {}, '--text-scale:1'],
    ['an old base library: fontSizeSetting / 16', { fontSizeScaleFactor: undefined }, { fontSizeSetting: 24 }, '--text-scale:1.5'],
  ])('%s reaches the card page’s root', async (_name, appBase, systemInfo, style) => {
    const { app } = phoneWithFontScale(OPENIDS.investorA, appBase, systemInfo);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(pageStyleOf(card.render().root)).toEqual([style]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a subpackage page follows it too (the office, as the district admin)', async () => {
    const { app } = phoneWithFontScale(OPENIDS.admin, { fontSizeScaleFactor: 2 });
    const home = await app.start('admin/home/index', {});
    expect(pageStyleOf(home.render().root)).toEqual(['--text-scale:2']);
  });
});
