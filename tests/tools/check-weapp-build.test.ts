import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkWeappBuild } from '../../tools/check-weapp-build';

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
