import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '../../../domain/api/contract';
import { WxStore } from '../../../cloudfunctions/_lib/store/wx-store';
import { seedIfEmpty } from '../../../tools/seed/seed-store';
import { createTestWxDatabase, installFakeTcbBackend, installNetworkGuard, type FakeTcbBackend, type NetworkGuard } from '../../support/fake-tcb-backend';
import type { CloudFunctionHandler } from './mini-program';

/**
 * WeChat Cloud for the simulated phones: the BUILT function bundles (build/cloudfunctions/<name>/index.js, what
 * gets uploaded) on the real wx-server-sdk, its database transport replaced by the project's fake
 * (tests/support/fake-tcb-backend.ts) seeded with the demo district. Open APIs and cloud storage are recorded
 * doubles. JEST ONLY: the fake patches the SDK through jest's module registry.
 *
 * Identity: WeChat's runtime sets WX_OPENID (and WX_CONTEXT_KEYS) in the container for the one request it is
 * running. Here invocations run one at a time (a container handles one request at a time) with the caller's
 * identity set for exactly that invocation and removed afterwards, so nothing carries over to the next call.
 */

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

export interface Invocation {
  name: string;
  action: string;
  openid: string | null;
  ok: boolean;
  code: string | null;
  /** The OPENID the function's own `getWXContext()` saw, read inside the invocation. */
  seenOpenid: string | null;
}

export interface OpenApiCall {
  api: string;
  args: unknown;
}

export interface SimCloud {
  readonly handler: CloudFunctionHandler;
  /** The same cloud, also recording into `sink` the invocations of one phone. */
  handlerFor(sink: Invocation[]): CloudFunctionHandler;
  readonly backend: FakeTcbBackend;
  readonly invocations: Invocation[];
  readonly openapi: OpenApiCall[];
  /** What the functions logged (console.error lines and `"level":"error"` JSON lines are errors). */
  readonly serverLog: Array<{ level: string; line: string }>;
  /** Invokes a function directly, as a mini-program user would (test setup). */
  invoke(name: string, event: { action: string; input: unknown }, openid: string | null): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  /** Documents of a collection in the fake database, committed state. */
  documents(collection: string): Array<Record<string, unknown>>;
  uninstall(): void;
}

export const BUNDLES_HINT = 'run `npm run test:weapp-sim` (it builds what is stale) or `npm run build:functions`';

const IDENTITY_KEYS = ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'WX_UNIONID'] as const;

export const startSimCloud = async (root: string, now = new Date()): Promise<SimCloud> => {
  const bundleDir = join(root, 'build', 'cloudfunctions');
  for (const name of FUNCTION_NAMES) {
    if (!existsSync(join(bundleDir, name, 'index.js'))) throw new Error(`build/cloudfunctions/${name}/index.js is missing: ${BUNDLES_HINT}`);
  }
  const guard: NetworkGuard = installNetworkGuard();
  const backend = installFakeTcbBackend();
  const savedEnv = Object.fromEntries(['ANALYTICS_SALT', 'TEMPLATE_LEAD_NEW', 'TEMPLATE_LEAD_REPLY', 'TEMPLATE_LEAD_OVERDUE', ...IDENTITY_KEYS].map((k) => [k, process.env[k]]));
  // What an operator configures on each function (README «Deploy» step 5).
  process.env.ANALYTICS_SALT = 'weapp-sim-analytics-salt-0123456789abcdef';
  process.env.TEMPLATE_LEAD_NEW = 'sim-template-lead-new';
  process.env.TEMPLATE_LEAD_REPLY = 'sim-template-lead-reply';
  process.env.TEMPLATE_LEAD_OVERDUE = 'sim-template-lead-overdue';
  for (const key of IDENTITY_KEYS) delete process.env[key];

  const openapi: OpenApiCall[] = [];
  const sdk = jest.requireActual<Record<string, unknown>>('wx-server-sdk');
  const originals = {
    openapi: Object.getOwnPropertyDescriptor(sdk, 'openapi'),
    uploadFile: Object.getOwnPropertyDescriptor(sdk, 'uploadFile'),
    downloadFile: Object.getOwnPropertyDescriptor(sdk, 'downloadFile'),
    getTempFileURL: Object.getOwnPropertyDescriptor(sdk, 'getTempFileURL'),
    deleteFile: Object.getOwnPropertyDescriptor(sdk, 'deleteFile'),
  };
  const record = (api: string, answer: unknown) => async (args: unknown) => {
    openapi.push({ api, args: JSON.parse(JSON.stringify(args ?? null)) as unknown });
    return answer;
  };
  // Open APIs and storage are HTTP calls to WeChat: recorded doubles answering as WeChat documents.
  Object.defineProperty(sdk, 'openapi', {
    configurable: true,
    value: {
      security: {
        msgSecCheck: record('security.msgSecCheck', { errCode: 0, result: { suggest: 'pass', label: 100 } }),
        // WeChat answers a fresh trace id per check; the verdict event would follow later.
        mediaCheckAsync: async (args: unknown) => ({ ...(await record('security.mediaCheckAsync', { errCode: 0 })(args)) as object, traceId: `sim-trace-${openapi.length}` }),
      },
      subscribeMessage: { send: record('subscribeMessage.send', { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }) },
      wxacode: { getUnlimited: record('wxacode.getUnlimited', { contentType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') }) },
    },
  });
  Object.defineProperty(sdk, 'uploadFile', {
    configurable: true,
    value: async (args: { cloudPath: string }) => {
      openapi.push({ api: 'uploadFile', args: { cloudPath: args.cloudPath } });
      return { fileID: `cloud://sim-env.sim/${args.cloudPath}`, statusCode: 200 };
    },
  });
  // A file the phone uploaded (the phone's own double keeps no bytes): a small PNG.
  const SIM_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  Object.defineProperty(sdk, 'downloadFile', {
    configurable: true,
    value: async (args: { fileID: string }) => {
      openapi.push({ api: 'downloadFile', args: { fileID: args.fileID } });
      return { fileContent: SIM_PNG, statusCode: 200 };
    },
  });
  // Exports and bulletins answer a temp link to the stored file (the phone's downloadFile is simulated too).
  Object.defineProperty(sdk, 'getTempFileURL', {
    configurable: true,
    value: async (args: { fileList: Array<{ fileID: string }> }) => {
      openapi.push({ api: 'getTempFileURL', args: { fileList: args.fileList.map((f) => f.fileID) } });
      return { fileList: args.fileList.map((f) => ({ fileID: f.fileID, tempFileURL: `https://sim-env.tcb.qcloud.la/${f.fileID.replace(/^cloud:\/\/[^/]+\//, '')}?sign=sim`, maxAge: 3600, status: 0, errMsg: 'ok' })) };
    },
  });
  Object.defineProperty(sdk, 'deleteFile', {
    configurable: true,
    value: async (args: { fileList: string[] }) => {
      openapi.push({ api: 'deleteFile', args });
      return { fileList: args.fileList.map((fileID) => ({ fileID, status: 0 })) };
    },
  });

  const db = createTestWxDatabase();
  // A deployed environment: every collection of the list exists with its indexes (README «Deploy» 2, check:cloud).
  await seedIfEmpty(new WxStore(db), now);

  const mains = new Map<string, Main>();
  for (const name of FUNCTION_NAMES) mains.set(name, (require(join(bundleDir, name, 'index.js')) as { main: Main }).main);

  const invocations: Invocation[] = [];
  const serverLog: Array<{ level: string; line: string }> = [];
  let queue: Promise<unknown> = Promise.resolve();

  const runOne = async (name: string, event: unknown, openid: string | null, sink?: Invocation[]): Promise<unknown> => {
    const main = mains.get(name);
    if (!main) throw Object.assign(new Error(`cloud.callFunction:fail -501000 FunctionName parameter could not be found: ${name}`), { errCode: -501000 });
    if (openid) {
      process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
      process.env.WX_OPENID = openid;
      process.env.WX_APPID = 'wxsimulated0000000';
    }
    const seenOpenid = (jest.requireActual<{ getWXContext(): { OPENID?: string } }>('wx-server-sdk').getWXContext().OPENID || null) as string | null;
    // The function's log lines go to its own log (the cloud console), not the test output.
    const { log, info, warn, error } = console;
    const line = (level: string) => (...args: unknown[]) => serverLog.push({ level, line: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
    Object.assign(console, { log: line('log'), info: line('info'), warn: line('warn'), error: line('error') });
    try {
      const result = (await main(event, {})) as { ok?: boolean; error?: { code?: string } };
      const action = String((event as { action?: unknown }).action ?? '');
      const invocation = { name, action, openid, ok: result?.ok === true, code: result?.error?.code ?? null, seenOpenid };
      invocations.push(invocation);
      sink?.push(invocation);
      return result;
    } finally {
      Object.assign(console, { log, info, warn, error });
      for (const key of IDENTITY_KEYS) delete process.env[key];
    }
  };

  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const handlerFor =
    (sink?: Invocation[]): CloudFunctionHandler =>
    ({ name, data, openid }) =>
      serial(() => runOne(name, data, openid, sink));

  return {
    handler: handlerFor(),
    handlerFor,
    backend,
    invocations,
    openapi,
    serverLog,
    invoke: (name, event, openid) => serial(() => runOne(name, JSON.parse(JSON.stringify(event)), openid)) as ReturnType<SimCloud['invoke']>,
    documents: (collection) => [...(backend.collections.get(collection)?.values() ?? [])].map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>),
    uninstall() {
      backend.uninstall();
      guard.uninstall();
      for (const [key, descriptor] of Object.entries(originals)) {
        if (descriptor) Object.defineProperty(sdk, key, descriptor);
        else delete sdk[key];
      }
      for (const [key, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      if (guard.attempts.length) throw new Error(`the simulated cloud tried to reach the network: ${guard.attempts.join(', ')}`);
    },
  };
};
