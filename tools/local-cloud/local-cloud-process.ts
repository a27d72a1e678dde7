import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface LocalCloudProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `tools/local-cloud/main.ts` as its own process on a free port with a fresh database (or the given
 * data dir, to restart after a crash), and resolves once it prints its URL.
 */
export const startLocalCloudProcess = async (options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<LocalCloudProcess> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'investcard-e2e-'));
  // `node --import tsx` keeps it one process: the tsx CLI would fork a child that a SIGKILL leaves running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/local-cloud/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', INVESTCARD_DATA_DIR: dataDir, INVESTCARD_SKIP_H5_BUILD: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /local cloud ready: (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill(signal);
      }),
  };
};

export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
