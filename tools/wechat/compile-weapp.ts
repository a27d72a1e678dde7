import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { compileWxml, lintWxss, resolveComponent, usingComponentsOf, type TemplateEntry } from './wechat-compilers';

/**
 * `npm run check:wechat` (after `npm run build:weapp`): the weapp build through WeChat's own tools, offline —
 *   1. every .wxml with `wcc` in custom-component mode (each page's and component's usingComponents),
 *   2. every .wxss with `wcsc -lc`,
 *   3. the sitemap app.json names (it must exist and only name pages of this app),
 *   4. miniprogram-ci's `getCompiledResult` on the folder (app.json schema, page files, JS transpile).
 * Any problem fails with a readable list. Network is refused to every step; miniprogram-ci's one call for its
 * extension whitelist fails and it carries on — any other host it tried would be reported as a problem.
 */

const CI_CHILD = join(__dirname, 'miniprogram-ci-compile.cjs');
const OFFLINE_PRELOAD = join(__dirname, 'offline-preload.cjs');
/** The one request miniprogram-ci makes during a local compile (its upload extension whitelist). */
const EXPECTED_HOSTS = new Set(['servicewechat.com:443', 'dns servicewechat.com']);
const CI_TIMEOUT_MS = 180_000;

const toPosix = (p: string): string => p.split(sep).join(posix.sep);

const filesOf = (root: string, ext: string): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules') continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(ext)) out.push(toPosix(relative(root, full)));
    }
  };
  walk(root);
  return out.sort();
};

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  sitemapLocation?: string;
}

const pagesOf = (app: AppJson): string[] => [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];

/** 1. wcc over every template; a usingComponents entry that points at nothing is reported first. */
export const checkTemplates = (dist: string): string[] => {
  const problems: string[] = [];
  const templates: TemplateEntry[] = filesOf(dist, '.wxml').map((file) => {
    const path = file.slice(0, -'.wxml'.length);
    return { path, usingComponents: usingComponentsOf(dist, path) };
  });
  for (const t of templates) {
    for (const [tag, value] of Object.entries(t.usingComponents)) {
      if (value.startsWith('plugin://')) continue;
      const target = resolveComponent(dist, t.path, value);
      for (const ext of ['wxml', 'js', 'json']) if (!existsSync(join(dist, `${target}.${ext}`))) problems.push(`${t.path}.json: component <${tag}> → ${value} has no ${target}.${ext}`);
    }
  }
  const result = compileWxml(dist, templates, filesOf(dist, '.wxs'));
  if (!result.ok) problems.push(`wcc: ${result.error}`);
  return problems;
};

/** The stylesheets `file` imports, transitively (those that exist; wcsc reports the missing ones itself). */
const importsOf = (dist: string, file: string, seen = new Set<string>()): string[] => {
  for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/@import\s+(?:url\()?["']([^"']+)["']/g)) {
    const target = m[1].startsWith('/') ? m[1].slice(1) : toPosix(relative(dist, resolve(dist, posix.dirname(file), m[1])));
    if (seen.has(target) || !existsSync(join(dist, target))) continue;
    seen.add(target);
    importsOf(dist, target, seen);
  }
  return [...seen];
};

/** 2. wcsc lint over every stylesheet, each with what it imports (wcsc lints every file it is given). */
export const checkStylesheets = (dist: string): string[] =>
  filesOf(dist, '.wxss').flatMap((file) => {
    const error = lintWxss(dist, file, importsOf(dist, file));
    return error ? [`wcsc: ${error}`] : [];
  });

/** 3. The sitemap WeChat's search reads: present, well-formed, naming only pages of this app. */
export const checkSitemap = (dist: string): string[] => {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as AppJson;
  if (!app.sitemapLocation) return ['app.json has no sitemapLocation: WeChat indexes every page by default'];
  const file = join(dist, app.sitemapLocation);
  if (!existsSync(file)) return [`app.json sitemapLocation ${app.sitemapLocation} does not exist in the build`];
  let sitemap: { rules?: Array<{ action?: string; page?: string }> };
  try {
    sitemap = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return [`${app.sitemapLocation} is not JSON: ${(error as Error).message}`];
  }
  if (!Array.isArray(sitemap.rules) || sitemap.rules.length === 0) return [`${app.sitemapLocation} has no rules`];
  const pages = new Set(pagesOf(app));
  return sitemap.rules.flatMap((rule, i) => {
    const problems: string[] = [];
    if (rule.action !== 'allow' && rule.action !== 'disallow') problems.push(`${app.sitemapLocation} rules[${i}].action must be allow or disallow`);
    if (typeof rule.page !== 'string' || (rule.page !== '*' && !pages.has(rule.page))) problems.push(`${app.sitemapLocation} rules[${i}].page ${JSON.stringify(rule.page)} is not a page of app.json`);
    return problems;
  });
};

/** 4. miniprogram-ci's offline compile, in a child process with the network refused. */
export const checkWithMiniprogramCi = (dist: string): string[] => {
  const configFile = join(dist, 'project.config.json');
  const appid = existsSync(configFile) ? ((JSON.parse(readFileSync(configFile, 'utf8')) as { appid?: string }).appid ?? 'touristappid') : 'touristappid';
  // NODE_OPTIONS too: every Node process miniprogram-ci starts (its compiler workers) gets the same guard.
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(OFFLINE_PRELOAD)}`].filter(Boolean).join(' ') };
  const run = spawnSync(process.execPath, [CI_CHILD, resolve(dist), appid], { encoding: 'utf8', env, timeout: CI_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const problems: string[] = [];
  const attempts = [...new Set([...(run.stderr ?? '').matchAll(/^NETWORK-ATTEMPT (.+)$/gm)].map((m) => m[1]))];
  for (const target of attempts) if (!EXPECTED_HOSTS.has(target)) problems.push(`miniprogram-ci tried to reach ${target} (only servicewechat.com's whitelist call is expected; the compile must stay offline)`);
  const line = (run.stdout ?? '').split('\n').find((l) => l.startsWith('CI-RESULT '));
  if (!line) {
    problems.push(`miniprogram-ci gave no result (${run.error ? run.error.message : `exit ${run.status}`}): ${(run.stderr ?? '').slice(-2000)}`);
    return problems;
  }
  const result = JSON.parse(line.slice('CI-RESULT '.length)) as { ok: boolean; code?: number; message?: string };
  if (!result.ok) problems.push(`miniprogram-ci${result.code ? ` ${result.code}` : ''}: ${result.message}`);
  return problems;
};

export interface WechatCheckOptions {
  /** Skip miniprogram-ci (the slowest step) — for tests of the other checks. */
  skipCi?: boolean;
}

export const checkWithWechatTools = (dist: string, options: WechatCheckOptions = {}): string[] => {
  if (!existsSync(join(dist, 'app.json'))) return [`${dist}/app.json is missing: run npm run build:weapp first`];
  return [...checkTemplates(dist), ...checkStylesheets(dist), ...checkSitemap(dist), ...(options.skipCi ? [] : checkWithMiniprogramCi(dist))];
};

if (require.main === module) {
  const dist = resolve(__dirname, '..', '..', process.argv[2] ?? 'dist');
  const started = Date.now();
  const problems = checkWithWechatTools(dist);
  if (problems.length) {
    console.error(`WeChat's compilers rejected the weapp build (${dist}):\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`WeChat's compilers accept the weapp build: wcc, wcsc, sitemap, miniprogram-ci (${dist}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
