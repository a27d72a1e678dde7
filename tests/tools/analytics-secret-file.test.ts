import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYTICS_SECRET_FILE, loadOrCreateAnalyticsSecret } from '../../tools/local-cloud/analytics-secret-file';

describe('the local cloud’s visitor-hash secret', () => {
  const dirs: string[] = [];
  const aDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'investcard-secret-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is generated once per data dir, kept there (owner-only), and reused after a restart', () => {
    const dir = aDataDir();
    const first = loadOrCreateAnalyticsSecret(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadOrCreateAnalyticsSecret(dir)).toBe(first);
    expect(readFileSync(join(dir, ANALYTICS_SECRET_FILE), 'utf8')).toBe(first);
    expect(statSync(join(dir, ANALYTICS_SECRET_FILE)).mode & 0o077).toBe(0);
  });

  it('differs between data dirs: no secret in the source, none shared between checkouts', () => {
    expect(loadOrCreateAnalyticsSecret(aDataDir())).not.toBe(loadOrCreateAnalyticsSecret(aDataDir()));
  });

  it('refuses a file that holds no usable secret instead of hashing with it', () => {
    const dir = aDataDir();
    writeFileSync(join(dir, ANALYTICS_SECRET_FILE), 'abc');
    expect(() => loadOrCreateAnalyticsSecret(dir)).toThrow(/no usable secret/);
  });
});
