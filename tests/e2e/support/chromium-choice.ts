import { existsSync, readFileSync } from 'node:fs';

/**
 * Which Chromium the browser tests run in. Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`) when it is there;
 * otherwise the one `@sparticuz/chromium` carries inside the npm package (extracted once to the temp folder,
 * nothing downloaded); otherwise none, and the runner says how many browser tests did not run.
 * `INVESTCARD_CHROMIUM=system|sparticuz|none` forces a choice (`auto`, the default, tries them in that order).
 */
export type ChromiumChoice = { kind: 'system' | 'packaged'; executablePath: string } | { kind: 'none'; reason: string };

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/** The flags every launch uses (a container has no sandbox, GPU or need for Google's background services). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChoiceDeps {
  env: Partial<Record<string, string>>;
  exists: (path: string) => boolean;
  /** The packaged Chromium's binary, extracted on first use. */
  packagedPath: () => Promise<string>;
}

const packagedChromiumPath = async (): Promise<string> => {
  const { default: chromium } = (await import('@sparticuz/chromium')) as { default: { executablePath: () => Promise<string> } };
  return chromium.executablePath();
};

export const defaultChoiceDeps = (): ChoiceDeps => ({ env: process.env, exists: existsSync, packagedPath: packagedChromiumPath });

export const chooseChromium = async ({ env, exists, packagedPath }: ChoiceDeps = defaultChoiceDeps()): Promise<ChromiumChoice> => {
  const wanted = env.INVESTCARD_CHROMIUM ?? 'auto';
  const systemPath = env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  if (wanted === 'none') return { kind: 'none', reason: 'INVESTCARD_CHROMIUM=none' };
  if (wanted !== 'sparticuz' && exists(systemPath)) return { kind: 'system', executablePath: systemPath };
  if (wanted === 'system') return { kind: 'none', reason: `Chromium not found at ${systemPath}; install it with: ${INSTALL_HINT}` };
  try {
    const path = await packagedPath();
    if (exists(path)) return { kind: 'packaged', executablePath: path };
    return { kind: 'none', reason: `the packaged Chromium (@sparticuz/chromium) did not extract to ${path}` };
  } catch (error) {
    return { kind: 'none', reason: `no Chromium at ${systemPath}, and the packaged one (@sparticuz/chromium) is unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
};

/** How many browser tests the e2e files hold (`it(` calls), for the count printed when none could run. */
export const countBrowserTests = (files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): number =>
  files.reduce((sum, file) => sum + (read(file).match(/^\s*it(\.each\([^)]*\))?\(/gm) ?? []).length, 0);

/**
 * The end of `npm run test:e2e` when no Chromium could start: a plain count of what did not run, and a failure
 * under CI (where a missing browser is a broken machine, not a choice).
 */
export const noBrowserOutcome = (reason: string, skipped: number, env: Partial<Record<string, string>>): { lines: string[]; exitCode: number } => ({
  lines: [`e2e not run: ${reason}`, `0 passed, 0 failed, ${skipped} skipped`],
  exitCode: env.CI ? 1 : 0,
});
