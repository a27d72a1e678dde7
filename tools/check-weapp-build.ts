import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAIN_PACKAGE_LIMIT, mainPackageBytes } from './bench/size-bench';

/**
 * Static checks of the weapp build for what only WeChat would otherwise reject or silently break, since no
 * DevTools run here: page files, package sizes, privacy flag, share flags compiled into shareable pages, no
 * dynamic code, no local-demo code shipped to the mini-program, and a project.config.json that is right from dist/.
 * Exits non-zero with every problem listed.
 */
export const SHAREABLE_PAGES = ['pages/card/index', 'pages/carrier-detail/index', 'inquiry/directory/index'];
const PACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 30 * 1024 * 1024;
// webpack's global-object probe (inside try/catch) is the only dynamic code WeChat tolerates in Taro output.
const ALLOWED_DYNAMIC = 'new Function("return this")';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? walk(join(dir, e)) : [join(dir, e)]));

/**
 * dist/project.config.json (for DevTools or miniprogram-ci opening dist/) must name the same function folder as the
 * repository's, seen from dist/: Taro's copy kept the repository-relative path (tools/wechat/taro-wechat-project-files.cjs).
 */
const projectConfigProblems = (dist: string, root: string): string[] => {
  const rootFile = join(root, 'project.config.json');
  const distFile = join(dist, 'project.config.json');
  if (!existsSync(rootFile)) return [];
  if (!existsSync(distFile)) return ['project.config.json is missing from the build'];
  const rootConfig = JSON.parse(readFileSync(rootFile, 'utf8')) as Record<string, unknown>;
  const distConfig = JSON.parse(readFileSync(distFile, 'utf8')) as Record<string, unknown>;
  const problems: string[] = [];
  if (distConfig.miniprogramRoot !== './') problems.push(`project.config.json in the build: miniprogramRoot ${JSON.stringify(distConfig.miniprogramRoot)} should be "./"`);
  if (typeof rootConfig.cloudfunctionRoot === 'string') {
    const wanted = resolve(root, rootConfig.cloudfunctionRoot);
    const got = typeof distConfig.cloudfunctionRoot === 'string' ? resolve(dist, distConfig.cloudfunctionRoot) : null;
    if (got !== wanted) problems.push(`project.config.json in the build: cloudfunctionRoot ${JSON.stringify(distConfig.cloudfunctionRoot)} points at ${got ?? 'nothing'} from there, not at ${wanted}`);
  }
  return problems;
};

export const checkWeappBuild = (dist: string, root = resolve(dist, '..')): string[] => {
  const problems: string[] = [];
  if (!existsSync(join(dist, 'app.json'))) return [`${dist}/app.json is missing: run npm run build:weapp`];
  problems.push(...projectConfigProblems(dist, root));
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
  const problems = checkWeappBuild(dist, resolve(__dirname, '..'));
  if (problems.length) {
    console.error(`weapp build check failed:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`weapp build check passed (${dist})`);
}
