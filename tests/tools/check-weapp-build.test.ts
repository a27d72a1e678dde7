import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkWeappBuild } from '../../tools/check-weapp-build';

// The Taro plugin that writes dist/project.config.json (plain CommonJS: Taro loads it with require).
const { rebasedProjectConfig } = require('../../tools/wechat/taro-wechat-project-files.cjs') as {
  rebasedProjectConfig: (root: Record<string, unknown>, dist: Record<string, unknown>, appPath: string, outputPath: string) => Record<string, unknown>;
};

/** The checker must bite: a fake build with each kind of problem WeChat would reject. */
describe('weapp build check', () => {
  let dist: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  };
  const page = (path: string, js = 'Page({})') => {
    write(`${path}.js`, js);
    write(`${path}.json`, '{}');
    write(`${path}.wxml`, '<view/>');
  };
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'weapp-check-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('passes a sound build', () => {
    write('app.json', JSON.stringify({ pages: ['pages/card/index'], subPackages: [{ root: 'staff', pages: ['inbox/index'] }], __usePrivacyCheck__: true }));
    page('pages/card/index', 'x({enableShareAppMessage:!0,enableShareTimeline:!0});try{g=this||new Function("return this")()}catch(e){}');
    page('staff/inbox/index');
    expect(checkWeappBuild(dist)).toEqual([]);
  });

  it('reports missing page files, privacy flag, share flags, dynamic code and local-demo leaks', () => {
    write('app.json', JSON.stringify({ pages: ['pages/card/index', 'pages/ghost/index'] }));
    page('pages/card/index', 'eval("1");fetch("http://127.0.0.1:8787/api/_local/personas")');
    const problems = checkWeappBuild(dist).join('\n');
    expect(problems).toMatch(/pages\/ghost\/index has no \.js/);
    expect(problems).toMatch(/__usePrivacyCheck__/);
    expect(problems).toMatch(/pages\/card\/index is not compiled as shareable/);
    expect(problems).toMatch(/dynamic code/);
    expect(problems).toMatch(/local-demo code/);
  });

  it('reports a main package over 2 MB', () => {
    write('app.json', JSON.stringify({ pages: ['pages/card/index'], __usePrivacyCheck__: true }));
    page('pages/card/index', 'x({enableShareAppMessage:!0,enableShareTimeline:!0})');
    write('assets/huge.bin', 'x'.repeat(2 * 1024 * 1024 + 1));
    expect(checkWeappBuild(dist).join('\n')).toMatch(/main package .* exceeds 2 MB/);
  });
});

describe('project.config.json in the weapp build', () => {
  let repo: string;
  let dist: string;
  const rootConfig = { miniprogramRoot: 'dist/', cloudfunctionRoot: 'build/cloudfunctions/', appid: 'touristappid' };
  const writeJson = (path: string, value: unknown) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(value));
  };
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'weapp-project-'));
    dist = join(repo, 'dist');
    writeJson(join(repo, 'project.config.json'), rootConfig);
    writeJson(join(dist, 'app.json'), { pages: [], __usePrivacyCheck__: true });
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it("reports Taro's copy, whose cloudfunctionRoot does not exist from dist/", () => {
    // What Taro writes by itself: miniprogramRoot rewritten, every other path left relative to the repository.
    writeJson(join(dist, 'project.config.json'), { ...rootConfig, miniprogramRoot: './' });
    expect(checkWeappBuild(dist, repo)).toEqual([expect.stringMatching(/cloudfunctionRoot "build\/cloudfunctions\/" points at .*dist\/build\/cloudfunctions from there/)]);
  });

  it('accepts the re-based copy the build plugin writes: ../build/cloudfunctions/ from dist/', () => {
    const written = rebasedProjectConfig(rootConfig, { ...rootConfig, miniprogramRoot: './' }, repo, dist);
    expect(written).toMatchObject({ miniprogramRoot: './', cloudfunctionRoot: '../build/cloudfunctions/', appid: 'touristappid' });
    writeJson(join(dist, 'project.config.json'), written);
    expect(checkWeappBuild(dist, repo)).toEqual([]);
  });

  it('reports a build without project.config.json or with a wrong miniprogramRoot', () => {
    expect(checkWeappBuild(dist, repo)).toEqual(['project.config.json is missing from the build']);
    writeJson(join(dist, 'project.config.json'), { ...rootConfig, cloudfunctionRoot: '../build/cloudfunctions/' });
    expect(checkWeappBuild(dist, repo)).toEqual([expect.stringMatching(/miniprogramRoot "dist\/" should be "\.\/"/)]);
  });
});
