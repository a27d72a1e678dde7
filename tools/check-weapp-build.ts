import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAIN_PACKAGE_LIMIT, mainPackageBytes } from './bench/size-bench';

/**
 * Static checks of the weapp build for what only WeChat would otherwise reject or silently break, since no
 * DevTools run here: page files, package sizes, privacy flag, share flags compiled into shareable pages, no
 * dynamic code, and no local-demo code shipped to the mini-program. Exits non-zero with every problem listed.
 */
export const SHAREABLE_PAGES = ['pages/card/index', 'pages/carrier-detail/index', 'pages/directory/index'];
const PACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 30 * 1024 * 1024;
// webpack's global-object probe (inside try/catch) is the only dynamic code WeChat tolerates in Taro output.
const ALLOWED_DYNAMIC = 'new Function("return this")';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));

export const checkWeappBuild = (dist: string): string[] => {
  const problems: string[] = [];
  if (!existsSync(join(dist, 'app.json'))) return [`${dist}/app.json is missing: run npm run build:weapp`];
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; __usePrivacyCheck__?: boolean };
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  for (const page of pages) {
    for (const ext of ['js', 'json', 'wxml']) if (!existsSync(join(dist, `${page}.${ext}`))) problems.push(`page ${page} has no .${ext}`);
  }
  if (app.__usePrivacyCheck__ !== true) problems.push('app.json lacks __usePrivacyCheck__: true (privacy APIs would fail with errno 104 undeclared)');
  for (const page of SHAREABLE_PAGES) {
    const file = join(dist, `${page}.js`);
    if (!existsSync(file)) continue;
    const js = readFileSync(file, 'utf8');
    if (!/enableShareAppMessage:!0/.test(js) || !/enableShareTimeline:!0/.test(js)) problems.push(`${page} is not compiled as shareable to chat and Moments (page config flags)`);
  }
  const sizes = mainPackageBytes(dist);
  if (sizes.main > MAIN_PACKAGE_LIMIT) problems.push(`main package ${sizes.main} B exceeds 2 MB`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) if (bytes > PACKAGE_LIMIT) problems.push(`subpackage ${root} ${bytes} B exceeds 2 MB`);
  if (sizes.total > TOTAL_LIMIT) problems.push(`total ${sizes.total} B exceeds 30 MB`);
  for (const file of walk(dist).filter((f) => f.endsWith('.js'))) {
    const js = readFileSync(file, 'utf8').split(ALLOWED_DYNAMIC).join('');
    if (/\beval\(|new Function\(/.test(js)) problems.push(`${file}: dynamic code (eval/new Function) is refused by WeChat`);
    if (/_local\/personas|x-investcard-persona|127\.0\.0\.1/.test(js)) problems.push(`${file}: local-demo code shipped to the mini-program`);
  }
  return problems;
};

if (require.main === module) {
  const dist = resolve(__dirname, '..', process.argv[2] ?? 'dist');
  const problems = checkWeappBuild(dist);
  if (problems.length) {
    console.error(`weapp build check failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`weapp build check passed (${dist})`);
}
