import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditFindings, renderFigures } from './support/audit';
import { singlePageForbiddenComponents, undeclaredPrivacyComponents } from './support/render-rules';
import { applyDataPath, parseDataPath } from './support/set-data-path';
import { DEMO, DIST, OPENIDS, startWorld, type SimWorld } from './support/sim-world';
import { SCENES } from './support/wechat-rules';
import { wxApiNames } from './support/wx-api-names';
import type { WxmlElement } from './support/wxml-renderer';

/**
 * The simulated runtime's own checks bite: each rule the suites rely on is broken here on purpose and caught.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

/** Taro's short template codes of this build: a plain `<view>` and a text node, read from base.wxml. */
const templateCodes = (): { view: string; text: string } => {
  const base = readFileSync(join(DIST, 'base.wxml'), 'utf8');
  const view = /<template name="tmpl_0_(\w+)">\s*<view style="\{\{i\.st\}\}" class="\{\{i\.cl\}\}"\s+id=/.exec(base)?.[1];
  const text = /<template name="tmpl_0_(\w+)">\s*<block>\{\{i\.v\}\}<\/block>/.exec(base)?.[1];
  if (!view || !text) throw new Error('base.wxml: plain view / text templates not found; has Taro changed its template output?');
  return { view, text };
};

/** Taro's data for a chain of `depth` nested views around one text node. */
const nestedViews = (depth: number): unknown => {
  const codes = templateCodes();
  let node: Record<string, unknown> = { nn: codes.text, v: 'deepest' };
  for (let i = depth; i > 0; i--) node = { nn: codes.view, sid: `_n_${i}`, cl: `level-${i}`, cn: [node] };
  return { root: { cn: [node] } };
};

describe('the simulated wx', () => {
  it('carries every API name of miniprogram-api-typings, and only simulated answers', () => {
    const { app } = world.phone(OPENIDS.investorA);
    const { methods, properties } = wxApiNames();
    expect(methods.length).toBeGreaterThan(400);
    for (const name of methods) expect(typeof app.fake.wx[name]).toBe('function');
    for (const name of properties) expect(app.fake.wx[name]).toBeDefined();
    expect(Object.keys(app.fake.wx).sort()).toEqual([...methods, ...properties].sort());
    // An API whose answer nobody simulated fails loudly instead of returning something invented.
    expect(() => (app.fake.wx.getBatteryInfoSync as () => unknown)()).toThrow(/not simulated/);
  });

  it('refuses a privacy interface the privacy guide does not declare (errno 112) and records it', async () => {
    const { app } = world.phone(OPENIDS.investorA, { privacy: ['contactsWrite', 'albumWrite', 'chosenMedia', 'location'] });
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    await card.tap('复制微信号');
    expect(app.fake.clipboard.data).toBeNull();
    expect(app.violations).toEqual([expect.objectContaining({ rule: 'privacy-undeclared', api: 'setClipboardData', page: 'pages/card/index' })]);
  });

  it('in scene 1154 fails and records what Moments single-page mode disables, and calls to functions that need login', async () => {
    const { app } = world.phone(null, { scene: SCENES.moments });
    await app.start('pages/card/index', { cardId: DEMO.headCardId });
    const failures: unknown[] = [];
    (app.fake.wx.navigateTo as (o: unknown) => void)({ url: '/inquiry/lead-form/index', fail: (e: unknown) => failures.push(e) });
    (app.fake.wx.login as (o: unknown) => void)({ fail: (e: unknown) => failures.push(e) });
    const cloud = app.fake.wx.cloud as { callFunction(o: unknown): Promise<unknown> };
    await expect(cloud.callFunction({ name: 'lead-intake', data: { action: 'lead.mine', input: {} } })).rejects.toMatchObject({ errCode: -604101 });
    await app.settle();
    expect(failures).toHaveLength(2);
    expect(app.opened.map((p) => p.route)).toEqual(['pages/card/index']);
    expect(app.violations.map((v) => `${v.rule} ${v.api}`)).toEqual(
      expect.arrayContaining(['single-page-forbidden navigateTo', 'single-page-forbidden login', 'cloud-invoke-rule cloud.callFunction(lead-intake)']),
    );
  });

  it('reports an exception in app code as a console error instead of throwing it', () => {
    const { app } = world.phone(OPENIDS.investorA);
    app.guard('a tap handler', () => {
      throw new Error('boom in a handler');
    });
    expect(app.consoleErrors).toEqual([expect.stringContaining('boom in a handler')]);
  });
});

describe('a phone restarted', () => {
  it('keeps its storage: the card opens from the device cache when the cloud cannot be reached', async () => {
    const first = world.phone(OPENIDS.investorA);
    await first.app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(first.app.fake.storage.size).toBeGreaterThan(0);

    const unreachable = async (): Promise<never> => {
      throw { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' };
    };
    const again = world.phone(OPENIDS.investorA, { storage: first.app.fake.storage, cloud: unreachable });
    const card = await again.app.start('pages/card/index', { cardId: DEMO.headCardId });
    const text = card.render().text;
    expect(text).toContain('林致远');
    expect(text).toContain('离线数据');
    expect(again.app.consoleErrors).toEqual([]);

    const fresh = world.phone(OPENIDS.investorA, { cloud: unreachable });
    const empty = await fresh.app.start('pages/card/index', { cardId: DEMO.headCardId });
    expect(empty.render().text).not.toContain('林致远');
  });
});

describe('identity in the simulated cloud', () => {
  it('gives each call its caller’s OPENID and none to the next, even when phones call at once', async () => {
    const a = world.phone(OPENIDS.investorA);
    const b = world.phone(OPENIDS.investorB);
    const moments = world.phone(null, { scene: SCENES.moments });
    await Promise.all([a.app.start('inquiry/my-leads/index'), b.app.start('inquiry/my-leads/index'), moments.app.start('pages/card/index', { cardId: DEMO.headCardId })]);
    expect(a.invocations.length).toBeGreaterThan(0);
    expect(b.invocations.length).toBeGreaterThan(0);
    expect(moments.invocations.length).toBeGreaterThan(0);
    expect(a.invocations.every((i) => i.seenOpenid === OPENIDS.investorA)).toBe(true);
    expect(b.invocations.every((i) => i.seenOpenid === OPENIDS.investorB)).toBe(true);
    expect(moments.invocations.every((i) => i.seenOpenid === null)).toBe(true);
    expect(process.env.WX_OPENID).toBeUndefined();
    expect(process.env.WX_CONTEXT_KEYS).toBeUndefined();
  });
});

describe('the render layer and the audit rules', () => {
  it('renders through wcc’s templates past Taro’s 5 template levels (baseLevel 6, config/index.ts), counting nodes and depth', () => {
    const rendered = world.renderer.render('pages/card/index', nestedViews(35));
    expect(rendered.warnings).toEqual([]);
    expect(rendered.text).toBe('deepest');
    // 35 views, Taro's recursive `comp` after each 5 template levels (6 hosts) and the page's <page-meta> (the text
    // scale, config/weapp-a11y-plugin.ts) — WeChat counts those too.
    expect(rendered.nodes).toBe(42);
    expect(rendered.depth).toBe(41);
    expect(JSON.stringify(rendered.root).match(/"wx-comp"/g)).toHaveLength(6);
    expect(auditFindings(renderFigures('deep', [{ bytes: 10, keys: 1 }], rendered))).toEqual(['deep: nesting depth 41 (must be < 30)']);
  });

  it('reports what the template runtime cannot render', () => {
    const rendered = world.renderer.render('pages/card/index', { root: { cn: [{ nn: 'no-such-template', sid: '_n_1' }] } });
    expect(rendered.warnings.join('\n')).toMatch(/not found/);
  });

  it('flags a setData over 256 KB and 1000 nodes or more', () => {
    const rendered = { root: { tag: 'wx-page' }, nodes: 1000, depth: 3, text: '', warnings: [] };
    expect(auditFindings(renderFigures('big', [{ bytes: 262_145, keys: 1 }, { bytes: 100, keys: 1 }], rendered))).toEqual([
      'big: a setData of 262145 B exceeds 256 KB',
      'big: 1000 WXML nodes (must be < 1000)',
    ]);
    expect(auditFindings(renderFigures('fine', [{ bytes: 262_144, keys: 1 }], { ...rendered, nodes: 999, depth: 29 }))).toEqual([]);
  });
});

describe('component rules', () => {
  const page = (...children: WxmlElement[]): WxmlElement => ({ tag: 'wx-page', children: [{ tag: 'wx-view', attr: {}, children }] });

  it('flags privacy components the guide does not declare', () => {
    expect(undeclaredPrivacyComponents(page({ tag: 'wx-button', attr: { openType: 'getPhoneNumber' } }, { tag: 'wx-input', attr: { type: 'nickname' } }))).toEqual([
      '<button openType="getPhoneNumber"> collects phoneNumber, which is not declared',
      '<input type="nickname"> collects userInfo, which is not declared',
    ]);
    expect(undeclaredPrivacyComponents(page({ tag: 'wx-button', attr: { openType: 'share' } }, { tag: 'wx-input', attr: { type: 'text' } }))).toEqual([]);
  });

  it('flags components single-page mode disables, and any button open-type', () => {
    expect(singlePageForbiddenComponents(page({ tag: 'wx-form', attr: {} }, { tag: 'wx-button', attr: { openType: 'share' } }, { tag: 'wx-button', attr: {} }))).toEqual(['<form>', '<button open-type="share">']);
  });
});

describe('setData paths', () => {
  it('applies WeChat’s path syntax, creating what is missing', () => {
    expect(parseDataPath('root.cn.[0].cn[12].v')).toEqual(['root', 'cn', 0, 'cn', 12, 'v']);
    const data: Record<string, unknown> = { root: { cn: [] } };
    applyDataPath(data, 'root.cn.[1].v', 'x');
    applyDataPath(data, 'list[0].name', 'y');
    expect(data).toEqual({ root: { cn: [undefined, { v: 'x' }] }, list: [{ name: 'y' }] });
  });
});
