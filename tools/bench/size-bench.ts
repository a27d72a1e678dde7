import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_ASSETS_GLOBAL, type AppAssets } from '../../src/first-screen/first-screen-handoff';
import { buildHelloWorld } from './hello-world-app';
import { fmt } from './stats';

export const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
/** #12's aim: the main package at most this many times a one-page Taro hello world built by the same toolchain. */
export const MAIN_TO_HELLO_WORLD_LIMIT = 1.5;

/** The bench gate on that aim: a sentence saying by how much the main package is over it, or null within it. */
export const mainPackageOverAim = (main: number, hello: number): string | null =>
  main > MAIN_TO_HELLO_WORLD_LIMIT * hello
    ? `weapp main package is ${(main / hello).toFixed(2)}× a hello world, over the ${MAIN_TO_HELLO_WORLD_LIMIT}× aim by ${((main - MAIN_TO_HELLO_WORLD_LIMIT * hello) / 1024).toFixed(1)} KiB`
    : null;

const sizeOf = (dir: string, skip: (rel: string) => boolean = () => false, root = dir): number => {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const rel = relative(root, path);
    if (skip(rel)) continue;
    const st = statSync(path);
    total += st.isDirectory() ? sizeOf(path, skip, root) : st.size;
  }
  return total;
};

/** Subpackage roots from the built app.json: everything else is the main package WeChat measures. */
export const mainPackageBytes = (distDir: string): { main: number; total: number; subpackages: Record<string, number> } => {
  const appJson = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = {};
  for (const r of roots) subpackages[r] = existsSync(join(distDir, r)) ? sizeOf(join(distDir, r)) : 0;
  const ignore = (rel: string) => roots.some((r) => rel === r || rel.startsWith(`${r}/`)) || rel.endsWith('.map') || rel === 'project.config.json';
  return { main: sizeOf(distDir, ignore), total: sizeOf(distDir, (rel) => rel.endsWith('.map')), subpackages };
};

/** A one-page Taro hello world's main package, built with the same toolchain: the size ratio's denominator. */
export const helloWorldBytes = (root: string): number => {
  const hello = buildHelloWorld(root, 'weapp');
  try {
    return mainPackageBytes(hello.outDir).main;
  } finally {
    hello.remove();
  }
};

export const printSize = (sizes: ReturnType<typeof mainPackageBytes>, hello: number) => {
  const kib = (n: number) => `${fmt(n / 1024, 0)} KiB`;
  console.log(`  weapp main package ${kib(sizes.main)} = ${fmt((sizes.main / MAIN_PACKAGE_LIMIT) * 100, 1)} % of the 2 MB limit, ${fmt(sizes.main / hello)}× a Taro hello world (${kib(hello)})`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`    subpackage ${root}: ${kib(bytes)}`);
  console.log(`    total ${kib(sizes.total)}`);
};

export interface H5EntrySize {
  files: string[];
  bytes: number;
  gzip: number;
  brotli: number;
}

/** A file's size as sent with an encoding: its precompressed variant when the build has one, else the plain file. */
const sentBytes = (file: string, variant: 'br' | 'gz'): number => statSync(existsSync(`${file}.${variant}`) ? `${file}.${variant}` : file).size;

/**
 * What the H5 app loads before its first page: the scripts and stylesheets index.html hands the boot script
 * (`window.__investcardAssets`), plain and as the web host sends them (brotli, gzip).
 */
export const h5EntryBytes = (h5Dir: string): H5EntrySize => {
  const html = readFileSync(join(h5Dir, 'index.html'), 'utf8');
  const m = new RegExp(`window\\.${APP_ASSETS_GLOBAL} = (\\{.*?\\});`).exec(html);
  if (!m) throw new Error(`${h5Dir}/index.html names no app entry files (${APP_ASSETS_GLOBAL})`);
  const assets = JSON.parse(m[1] as string) as AppAssets;
  const files = [...assets.js, ...assets.css].map((url) => join(h5Dir, url.replace(/^\//, '')));
  const sum = (f: (file: string) => number) => files.reduce((total, file) => total + f(file), 0);
  return { files: files.map((file) => relative(h5Dir, file)), bytes: sum((file) => statSync(file).size), gzip: sum((file) => sentBytes(file, 'gz')), brotli: sum((file) => sentBytes(file, 'br')) };
};

export const printH5Entry = (entry: H5EntrySize) => {
  const kib = (n: number) => `${fmt(n / 1024, 0)} KiB`;
  console.log(`  H5 entry ${kib(entry.bytes)} (sent: brotli ${kib(entry.brotli)}, gzip ${kib(entry.gzip)}) in ${entry.files.length} files: ${entry.files.join(', ')}`);
};
