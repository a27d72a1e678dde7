import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkSitemap, checkStylesheets, checkTemplates, checkWithMiniprogramCi, checkWithWechatTools } from '../../tools/wechat/compile-weapp';
import { compileWxml } from '../../tools/wechat/wechat-compilers';

/**
 * WeChat's own compilers must bite: each check runs on a small sound mini-program made in a temp dir, then on
 * copies broken the way WeChat would refuse (a broken template, an unsupported selector, a page in app.json
 * without files, a sitemap naming a page that is not there).
 */
describe("WeChat's compilers over a weapp build", () => {
  let dir: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  const page = (path: string, wxml = '<view class="a"><text>{{title}}</text><comp/></view>') => {
    write(`${path}.js`, 'Page({ data: { title: "ok" } })');
    write(`${path}.json`, JSON.stringify({ usingComponents: { comp: '/comp' } }));
    write(`${path}.wxml`, wxml);
    write(`${path}.wxss`, '.a { color: #333; }');
  };
  const app = (patch: Record<string, unknown> = {}) =>
    write('app.json', JSON.stringify({ pages: ['pages/card/index'], subPackages: [{ root: 'staff', pages: ['inbox/index'] }], sitemapLocation: 'sitemap.json', ...patch }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wechat-compile-'));
    app();
    write('app.js', 'App({})');
    write('app.wxss', '@import "./common.wxss"; page { background: #fff; }');
    write('common.wxss', '.b { margin: 8rpx; }');
    write('comp.js', 'Component({})');
    write('comp.json', JSON.stringify({ component: true, usingComponents: { comp: './comp' } }));
    write('comp.wxml', '<import src="./base.wxml"/><template is="tmpl_0" data="{{i: 1}}"/>');
    write('base.wxml', '<template name="tmpl_0"><view>{{i}}</view></template>');
    write('utils.wxs', 'module.exports = { a: function (x) { return x; } };');
    write('sitemap.json', JSON.stringify({ rules: [{ action: 'allow', page: 'pages/card/index' }, { action: 'disallow', page: '*' }] }));
    write('project.config.json', JSON.stringify({ appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: './', setting: { es6: true } }));
    page('pages/card/index');
    page('staff/inbox/index');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a sound build: every template, stylesheet, the sitemap and miniprogram-ci, offline', () => {
    expect(checkWithWechatTools(dir)).toEqual([]);
  }, 180_000);

  it('wcc generates the template runtime for every page', () => {
    const result = compileWxml(dir, [{ path: 'pages/card/index', usingComponents: { comp: '/comp' } }, { path: 'comp', usingComponents: { comp: './comp' } }, { path: 'base', usingComponents: {} }], ['utils.wxs']);
    expect(result.error).toBeNull();
    expect(result.js).toContain('$gwx');
    expect(result.js).toContain('pages/card/index.wxml');
  });

  it('refuses a broken template, naming file and line', () => {
    write('pages/card/index.wxml', '<view><text>{{title}}</view>');
    expect(checkTemplates(dir).join('\n')).toMatch(/pages\/card\/index\.wxml:1:\d+: expect end-tag `text`/);
  });

  it('refuses a usingComponents entry that points at nothing', () => {
    write('pages/card/index.json', JSON.stringify({ usingComponents: { comp: '/comp', ghost: '../../components/ghost' } }));
    expect(checkTemplates(dir).join('\n')).toMatch(/pages\/card\/index\.json: component <ghost> → \.\.\/\.\.\/components\/ghost has no components\/ghost\.wxml/);
  });

  it('refuses a selector WeChat does not support (`* {}`), in any stylesheet', () => {
    write('staff/inbox/index.wxss', '.a { color: red; }\n* { margin: 0; }');
    expect(checkStylesheets(dir)).toEqual([expect.stringMatching(/^wcsc: staff\/inbox\/index\.wxss\(2:1\): unexpected token `\*`/)]);
  });

  it('refuses an @import of a stylesheet that is not there', () => {
    write('app.wxss', '@import "./missing.wxss";');
    expect(checkStylesheets(dir).join('\n')).toMatch(/missing\.wxss/);
  });

  it('refuses a missing or wrong sitemap', () => {
    app({ sitemapLocation: undefined });
    expect(checkSitemap(dir)).toEqual([expect.stringMatching(/no sitemapLocation/)]);
    app({ sitemapLocation: 'nowhere.json' });
    expect(checkSitemap(dir)).toEqual([expect.stringMatching(/nowhere\.json does not exist/)]);
    app();
    write('sitemap.json', JSON.stringify({ rules: [{ action: 'allow', page: 'pages/gone/index' }, { action: 'maybe', page: '*' }] }));
    expect(checkSitemap(dir)).toEqual([expect.stringMatching(/rules\[0\]\.page "pages\/gone\/index" is not a page/), expect.stringMatching(/rules\[1\]\.action/)]);
  });

  it('miniprogram-ci refuses a page listed in app.json without files (10005), offline', () => {
    const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
    appJson.pages.push('pages/ghost/index');
    writeFileSync(join(dir, 'app.json'), JSON.stringify(appJson));
    expect(checkWithMiniprogramCi(dir)).toEqual([expect.stringMatching(/^miniprogram-ci 10005: .*could not find the corresponding file: "pages\/ghost\/index\.wxml"/)]);
  }, 180_000);
});

describe('the offline guard the WeChat tools run under', () => {
  it('fails every connection and lookup like an unreachable network, and reports each target', () => {
    const preload = resolve(__dirname, '../../tools/wechat/offline-preload.cjs');
    const script = `
      const https = require('node:https');
      https.get('https://servicewechat.com/wxa/ci/getwhiteextlist', () => console.log('connected')).on('error', (e) => {
        require('node:dns').lookup('example.com', (err) => console.log(JSON.stringify({ https: e.code, dns: err && err.code })));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ https: 'ENETUNREACH', dns: 'ENOTFOUND' });
    expect(run.stderr).toContain('NETWORK-ATTEMPT servicewechat.com:443');
    expect(run.stderr).toContain('NETWORK-ATTEMPT dns example.com');
  });
});
