import { randomBytes } from 'node:crypto';
import type * as WxServerSdk from 'wx-server-sdk';
import { fail, type ActionResult } from '../../domain/common/result';
import { DEFAULT_INTAKE_LIMITS, type Deps, type Logger } from './deps';
import { WxStore } from './store/wx-store';
import { CARD_PAGE } from './share-links';
import { MIN_ANALYTICS_SECRET_LENGTH } from './visitor-hash';
import { wxContentCheck, wxMediaCheck, wxNotifier, wxQr } from './wx-openapi';
import { wxFiles } from './wx-files';

type Cloud = typeof WxServerSdk;

/** One JSON line per event: the cloud console's log search indexes them. No user data in here. */
const consoleLogger: Logger = {
  info: (event, fields) => console.log(JSON.stringify({ level: 'info', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
};

type Env = Record<string, string | undefined>;

/** ANALYTICS_SALT when it is long enough to be a secret; never derived from anything guessable. */
export const analyticsSecretFrom = (env: Env): string | null => {
  const secret = env.ANALYTICS_SALT?.trim() ?? '';
  return secret.length >= MIN_ANALYTICS_SECRET_LENGTH ? secret : null;
};

/** Dependencies of every use case when running inside a WeChat cloud function. */
export const createWxDeps = (cloud: Cloud, env: Env = process.env, log: Logger = consoleLogger): Deps => ({
  store: new WxStore(cloud.database()),
  clock: () => new Date(),
  randomBytes: (size) => new Uint8Array(randomBytes(size)),
  log,
  contentCheck: wxContentCheck(cloud),
  notifier: wxNotifier(cloud),
  intakeLimits: DEFAULT_INTAKE_LIMITS,
  qr: wxQr(cloud, CARD_PAGE),
  files: wxFiles(cloud),
  mediaCheck: wxMediaCheck(cloud),
  analyticsSecret: analyticsSecretFrom(env),
  webBaseUrl: env.WEB_BASE_URL ?? '',
});

export type WxWiring = { ok: true; deps: Deps } | { ok: false; refusal: ActionResult<never> };

/**
 * Wiring for a function whose actions hash visitors (`public-read`, `sharing`). Without ANALYTICS_SALT it does
 * not start: one error line at cold start, and every call answers CONFIG.ANALYTICS_SECRET_MISSING, so a
 * misconfigured deployment is seen on its first call instead of counting with a guessable key.
 */
export const wireVisitorHashingFunction = (cloud: Cloud, name: string, env: Env = process.env, log: Logger = consoleLogger): WxWiring => {
  const deps = createWxDeps(cloud, env, log);
  if (deps.analyticsSecret) return { ok: true, deps };
  log.error('config.analytics_secret_missing', { function: name, need: `ANALYTICS_SALT, at least ${MIN_ANALYTICS_SECRET_LENGTH} characters` });
  return { ok: false, refusal: fail('CONFIG.ANALYTICS_SECRET_MISSING') };
};
