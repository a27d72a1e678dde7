import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseChromium, countBrowserTests, noBrowserOutcome, type ChoiceDeps } from '../e2e/support/chromium-choice';

const ROOT = join(__dirname, '../..');
const E2E = join(ROOT, 'tests/e2e');

const deps = (over: { env?: Record<string, string>; present?: string[]; packaged?: () => Promise<string> } = {}): ChoiceDeps & { packagedPath: jest.Mock } => ({
  env: over.env ?? {},
  exists: (path) => (over.present ?? []).includes(path),
  packagedPath: jest.fn(over.packaged ?? (() => Promise.resolve('/tmp/chromium'))),
});

describe('which Chromium the browser tests use', () => {
  it("Debian's when it is installed, without touching the packaged one", async () => {
    const d = deps({ present: ['/usr/bin/chromium', '/tmp/chromium'] });
    expect(await chooseChromium(d)).toEqual({ kind: 'system', executablePath: '/usr/bin/chromium' });
    expect(d.packagedPath).not.toHaveBeenCalled();
    expect(await chooseChromium(deps({ env: { CHROMIUM_PATH: '/opt/chrome' }, present: ['/opt/chrome'] }))).toEqual({ kind: 'system', executablePath: '/opt/chrome' });
  });

  it('the one inside @sparticuz/chromium on a fresh machine, or when forced', async () => {
    expect(await chooseChromium(deps({ present: ['/tmp/chromium'] }))).toEqual({ kind: 'packaged', executablePath: '/tmp/chromium' });
    expect(await chooseChromium(deps({ env: { INVESTCARD_CHROMIUM: 'sparticuz' }, present: ['/usr/bin/chromium', '/tmp/chromium'] }))).toEqual({
      kind: 'packaged',
      executablePath: '/tmp/chromium',
    });
  });

  it('none, with the reason, when neither is there (or when asked for exactly the missing one)', async () => {
    const failing = await chooseChromium(deps({ packaged: () => Promise.reject(new Error('ENOSPC: no space left on device')) }));
    expect(failing).toEqual({ kind: 'none', reason: expect.stringContaining('ENOSPC') });
    expect(await chooseChromium(deps({ present: [] }))).toEqual({ kind: 'none', reason: expect.stringContaining('did not extract') });
    expect(await chooseChromium(deps({ env: { INVESTCARD_CHROMIUM: 'system' }, present: ['/tmp/chromium'] }))).toEqual({ kind: 'none', reason: expect.stringContaining('apt-get') });
    expect(await chooseChromium(deps({ env: { INVESTCARD_CHROMIUM: 'none' }, present: ['/usr/bin/chromium'] }))).toEqual({ kind: 'none', reason: 'INVESTCARD_CHROMIUM=none' });
  });

  it('counts the browser tests in the e2e files, and fails under CI when none could run', () => {
    expect(countBrowserTests(['a', 'b'], (f) => (f === 'a' ? "describe('x', () => {\n  it('one', async () => {});\n  it('two', async () => {});\n});" : "  it.each([1, 2])('n', () => {});\n// it( in a comment\n"))).toBe(3);
    expect(noBrowserOutcome('no browser', 23, {})).toEqual({ lines: ['e2e not run: no browser', '0 passed, 0 failed, 23 skipped'], exitCode: 0 });
    expect(noBrowserOutcome('no browser', 23, { CI: 'true' }).exitCode).toBe(1);
  });

  it('npm run test:e2e without a browser ends with the count of browser tests that did not run, and fails under CI', () => {
    const files = readdirSync(E2E)
      .filter((f) => f.endsWith('.e2e.ts'))
      .map((f) => join(E2E, f));
    const total = countBrowserTests(files);
    expect(total).toBeGreaterThanOrEqual(files.length);
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/e2e/run-e2e.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CI: '', INVESTCARD_CHROMIUM: 'none', ...extra },
      });
    const local = run({});
    expect(local.stdout).toContain(`0 passed, 0 failed, ${total} skipped`);
    expect(local.status).toBe(0);
    const ci = run({ CI: 'true' });
    expect(ci.stdout).toContain(`0 passed, 0 failed, ${total} skipped`);
    expect(ci.status).toBe(1);
  });
});
