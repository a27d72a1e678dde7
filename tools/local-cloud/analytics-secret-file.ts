import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ANALYTICS_SECRET_FILE = 'analytics-secret';

/**
 * The local cloud's visitor-hash secret: generated once per data dir and kept beside its database, so counts
 * survive restarts while no two checkouts (and no source file) share it. Deleting the data dir drops both.
 */
export const loadOrCreateAnalyticsSecret = (dataDir: string): string => {
  const file = join(dataDir, ANALYTICS_SECRET_FILE);
  try {
    // 'wx' fails when the file exists, so two processes starting at once still end up with one secret.
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it and start again`);
  return secret;
};
