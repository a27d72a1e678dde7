import { randomBytes } from 'node:crypto';
import { DEFAULT_INTAKE_LIMITS, type ContentCheck, type MediaCheck, type Deps, type IntakeLimits, type Logger, type Notifier } from '../../cloudfunctions/_lib/deps';
import type { DocumentStore } from '../../cloudfunctions/_lib/store/store-port';
import { createLocalFiles } from './local-files';
import { outboxNotifier } from './outbox-notifier';
import { urlQr } from './url-qr';
import { wordListContentCheck } from './word-list-content-check';

export const consoleLogger = (quiet: boolean): Logger => ({
  info: (event, fields) => {
    if (!quiet) console.log(JSON.stringify({ level: 'info', event, ...fields }));
  },
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
});

export interface LocalDepsOptions {
  quiet?: boolean;
  clock?: () => Date;
  notifier?: Notifier;
  contentCheck?: ContentCheck;
  log?: Logger;
  intakeLimits?: IntakeLimits;
  webBaseUrl?: string;
  /** Visitor-hash secret; `npm start` passes the data dir's. Without it, a fresh random one per deps. */
  analyticsSecret?: string;
  /** Where downloadable files go (`npm start`: the data dir's `files/`); in memory when omitted. */
  filesDir?: string;
  /** The image check; locally every photo passes at once unless a test gives one that refuses. */
  mediaCheck?: MediaCheck;
}

export const passingMediaCheck: MediaCheck = { submit: async () => ({ kind: 'decided', pass: true, reason: null }) };

export const createLocalDeps = (store: DocumentStore, options: LocalDepsOptions = {}): Deps => {
  const analyticsSecret = options.analyticsSecret ?? randomBytes(32).toString('hex');
  return {
    store,
    clock: options.clock ?? (() => new Date()),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    log: options.log ?? consoleLogger(options.quiet ?? true),
    contentCheck: options.contentCheck ?? wordListContentCheck,
    notifier: options.notifier ?? outboxNotifier(),
    intakeLimits: options.intakeLimits ?? DEFAULT_INTAKE_LIMITS,
    qr: urlQr,
    // File links are signed with the same per-data-dir secret the server checks them with.
    files: createLocalFiles({ dir: options.filesDir, secret: analyticsSecret }),
    mediaCheck: options.mediaCheck ?? passingMediaCheck,
    analyticsSecret,
    webBaseUrl: options.webBaseUrl ?? 'http://127.0.0.1:8787',
  };
};
