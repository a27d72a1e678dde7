import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';

/**
 * WeChat's own WXML and WXSS compilers (`wcc`, `wcsc` from the `miniprogram-compiler` package), called the way
 * WeChat DevTools calls them. The package ships the Linux builds without the executable bit and its wrapper
 * chmods them inside node_modules; this copies them once into a temp folder instead, so node_modules stays
 * read-only.
 *
 * API (also usable by the simulated runtime):
 *   compileWxml(root, pages)  → { ok, js, error }  one wcc -cc run over every template (js defines `$gwx`)
 *   lintWxss(root, file, all) → error | null        one wcsc -lc run for one stylesheet
 */

type Compiler = 'wcc' | 'wcsc';

const PACKAGE_BIN = resolve(__dirname, '..', '..', 'node_modules', 'miniprogram-compiler', 'bin', 'linux');

/** Path of an executable copy of a compiler (made on first use, reused while it matches the package's file). */
export const compilerPath = (name: Compiler): string => {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`WeChat's ${name} ships for linux-x64 only (this is ${process.platform}-${process.arch})`);
  const source = join(PACKAGE_BIN, name);
  if (!existsSync(source)) throw new Error(`${source} is missing: is miniprogram-compiler installed?`);
  const size = statSync(source).size;
  const target = join(tmpdir(), `investcard-wechat-compilers-${size}`, name);
  if (!existsSync(target) || statSync(target).size !== size) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, `${target}.tmp-${process.pid}`);
    chmodSync(`${target}.tmp-${process.pid}`, 0o755);
    // Rename is atomic: parallel runs never execute a half-copied binary.
    renameSync(`${target}.tmp-${process.pid}`, target);
  }
  return target;
};

const toPosix = (p: string): string => p.split(sep).join(posix.sep);

/** A page or component template and the custom components its .json lists (tag → path as written). */
export interface TemplateEntry {
  /** Relative to the root, without extension, e.g. `pages/card/index`. */
  path: string;
  usingComponents: Record<string, string>;
}

/** Reads `<path>.json`'s usingComponents (none when the file is missing or lists none). */
export const usingComponentsOf = (root: string, path: string): Record<string, string> => {
  const file = join(root, `${path}.json`);
  if (!existsSync(file)) return {};
  const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
  return json.usingComponents ?? {};
};

/** Where a usingComponents value points, relative to the root (absolute values start at the root). */
export const resolveComponent = (root: string, from: string, value: string): string =>
  value.startsWith('/') ? value.slice(1) : toPosix(relative(root, resolve(root, dirname(from), value)));

export interface WxmlResult {
  ok: boolean;
  /** The generated JavaScript (defines `$gwx`) when ok. */
  js: string;
  /** wcc's own message when not ok. */
  error: string | null;
}

/**
 * `wcc -d -cc` over every template at once (imports and templates resolve across files, as in DevTools), with
 * each page's and component's custom-component list, plus every `.wxs` module.
 */
export const compileWxml = (root: string, templates: readonly TemplateEntry[], wxsFiles: readonly string[] = []): WxmlResult => {
  const withComponents = templates.filter((t) => Object.keys(t.usingComponents).length > 0);
  const componentArgs = [String(withComponents.length), ...withComponents.flatMap((t) => [`${t.path}.wxml`, String(Object.keys(t.usingComponents).length), ...Object.keys(t.usingComponents)])];
  const args = ['-d', '-cc', componentArgs.join(' '), ...templates.map((t) => `${t.path}.wxml`), ...wxsFiles, '-gn', '$gwx'];
  const run = spawnSync(compilerPath('wcc'), args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status === 0) return { ok: true, js: run.stdout, error: null };
  return { ok: false, js: '', error: (run.stderr || run.stdout || `wcc exited ${run.status}`).trim() };
};

/**
 * `wcsc -lc` (lint) for one stylesheet; `importable` are the stylesheets it `@import`s (relative to the root; wcsc
 * lints them too). Returns wcsc's message, or null when WeChat accepts the file.
 */
export const lintWxss = (root: string, file: string, importable: readonly string[]): string | null => {
  const run = spawnSync(compilerPath('wcsc'), ['-lc', file, ...importable.filter((f) => f !== file)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status === 0) return null;
  // wcsc prints "ERR: <file>(line:col): <what>" and a trailing "error file count" line that says nothing.
  const message = (run.stderr || run.stdout).split('\n').filter((l) => l.trim() && !/^error file count/.test(l)).join('\n');
  return message.replace(/^ERR:\s*/, '') || `wcsc exited ${run.status}`;
};
