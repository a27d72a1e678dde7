import { randomBytes } from 'node:crypto';
import type * as WxServerSdk from 'wx-server-sdk';
import { DEFAULT_INTAKE_LIMITS, type Deps, type Logger } from './deps';
import { WxStore } from './store/wx-store';
import { CARD_PAGE } from './share-links';
import { wxContentCheck, wxNotifier, wxQr } from './wx-openapi';

type Cloud = typeof WxServerSdk;

/** One JSON line per event: the cloud console's log search indexes them. No user data in here. */
const consoleLogger: Logger = {
  info: (event, fields) => console.log(JSON.stringify({ level: 'info', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
};

/** Dependencies of every use case when running inside a WeChat cloud function. */
export const createWxDeps = (cloud: Cloud): Deps => ({
  store: new WxStore(cloud.database()),
  clock: () => new Date(),
  randomBytes: (size) => new Uint8Array(randomBytes(size)),
  log: consoleLogger,
  contentCheck: wxContentCheck(cloud),
  notifier: wxNotifier(cloud),
  intakeLimits: DEFAULT_INTAKE_LIMITS,
  qr: wxQr(cloud, CARD_PAGE),
  // Set ANALYTICS_SALT in each function's environment; without it unique counts still work but are linkable.
  analyticsSalt: process.env.ANALYTICS_SALT ?? `investcard:${process.env.TCB_ENV ?? process.env.SCF_NAMESPACE ?? 'default'}`,
  webBaseUrl: process.env.WEB_BASE_URL ?? '',
});
