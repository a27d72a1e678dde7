import { DECLARED_PRIVACY, FUNCTIONS_INVOCABLE_WITHOUT_LOGIN, privacyInformationOf, SCENES, SINGLE_PAGE_FORBIDDEN_APIS, type PrivacyInformation } from './wechat-rules';
import { wxApiNames } from './wx-api-names';
import { recordingCanvas, type CanvasRecording } from './recording-canvas';
import { jpegOf, pngOf } from '../../support/sample-share-image';

/** One call of a `wx` API by the app. */
export interface WxCall {
  api: string;
  /** The first argument without its callbacks (what the app asked for). */
  options: unknown;
  /** Route of the page on top when it was called, null before the first page. */
  page: string | null;
}

/** A rule of WeChat's the app broke: an undeclared privacy interface, a capability Moments mode disables. */
export interface Violation {
  rule: 'privacy-undeclared' | 'single-page-forbidden' | 'cloud-invoke-rule';
  api: string;
  page: string | null;
  detail: string;
}

/** What the fake `wx` needs from the runtime around it. */
export interface WxHost {
  readonly scene: number;
  readonly launch: { path: string; query: Record<string, string> };
  currentRoute(): string | null;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** A value for the app's realm (results must be the app's own objects, as WeChat hands them over). */
  adopt<T>(value: T): T;
  /** The answer a user gives to `showModal`. */
  modalAnswer(options: Record<string, unknown>): { confirm: boolean };
  schedule(fn: () => void): void;
}

export interface FakeWx {
  wx: Record<string, unknown>;
  calls: WxCall[];
  violations: Violation[];
  storage: Map<string, unknown>;
  clipboard: { data: string | null };
  canvases: CanvasRecording[];
  /** Listeners the app gave `wx.onPageNotFound`, called when it is opened on a page it does not have. */
  pageNotFoundListeners: Array<(res: unknown) => void>;
}

type Options = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };

const SYSTEM_INFO = {
  brand: 'sim',
  model: 'InvestCard simulated phone',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'Android 14',
  platform: 'android',
  fontSizeSetting: 16,
  SDKVersion: '3.7.12',
  benchmarkLevel: 30,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  theme: 'light',
  enableDebug: false,
  deviceOrientation: 'portrait',
  host: { env: 'WeChat' },
};

const withoutCallbacks = (options: unknown): unknown => {
  if (typeof options !== 'object' || options === null) return options;
  return Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v !== 'function'));
};

/**
 * The `wx` object of one simulated mini-program: every API name WeChat has (from miniprogram-api-typings),
 * each call recorded. APIs the app's pages rely on behave like WeChat's (storage, system info, navigation,
 * clipboard, canvas, cloud); every other one answers `<api>:ok` asynchronously, as a device that grants it would.
 * Privacy interfaces succeed only when declared; in scene 1154 the capabilities Moments disables fail.
 */
export const createFakeWx = (host: WxHost, declared: readonly PrivacyInformation[] = DECLARED_PRIVACY): FakeWx => {
  const calls: WxCall[] = [];
  const violations: Violation[] = [];
  const storage = new Map<string, unknown>();
  const clipboard = { data: null as string | null };
  const canvases: CanvasRecording[] = [];
  const pageNotFoundListeners: Array<(res: unknown) => void> = [];
  const singlePage = host.scene === SCENES.moments;

  const reply = (options: unknown, ok: boolean, result: Record<string, unknown>): void => {
    const o = (typeof options === 'object' && options !== null ? options : {}) as Options;
    const payload = host.adopt(result);
    host.schedule(() => {
      if (ok) o.success?.(payload);
      else o.fail?.(payload);
      o.complete?.(payload);
    });
  };
  const ok = (api: string, extra: Record<string, unknown> = {}) => (options: unknown) => reply(options, true, { errMsg: `${api}:ok`, ...extra });
  const fail = (api: string, options: unknown, reason: string, extra: Record<string, unknown> = {}) => reply(options, false, { errMsg: `${api}:fail ${reason}`, ...extra });

  const newCanvas = (): Record<string, unknown> => {
    const recording = recordingCanvas(375, 600);
    canvases.push(recording);
    return recording.canvas;
  };

  /** `SelectorQuery`: each NodesRef request adds one result; `exec` answers them in order. */
  const selectorQuery = () => {
    const results: Array<() => unknown> = [];
    const query: Record<string, unknown> = {};
    const nodesRef = {
      boundingClientRect: () => (results.push(() => ({ id: '', left: 0, top: 0, right: 375, bottom: 200, width: 375, height: 200 })), query),
      fields: (fields?: { node?: boolean }) => (results.push(() => ({ width: 375, height: 200, ...(fields?.node ? { node: newCanvas() } : {}) })), query),
      scrollOffset: () => (results.push(() => ({ scrollLeft: 0, scrollTop: 0, scrollWidth: 375, scrollHeight: 2000 })), query),
      context: () => (results.push(() => ({ context: {} })), query),
      node: () => (results.push(() => ({ node: newCanvas(), width: 375, height: 600 })), query),
    };
    Object.assign(query, {
      in: () => query,
      select: () => nodesRef,
      selectAll: () => nodesRef,
      selectViewport: () => nodesRef,
      exec: (cb?: (r: unknown) => void) => {
        // Not adopted: a canvas node carries methods, which only the host realm's objects can here.
        const out = results.map((f) => f());
        host.schedule(() => cb?.(out));
      },
    });
    return query;
  };

  // One file system for the phone: what one manager (or an exported canvas) writes, another reads.
  const files = new Map<string, string | ArrayBuffer>();
  const fileSystemManager = () => {
    const call = (api: string) => (options: Options) => {
      const path = String(options.filePath ?? options.path ?? '');
      if (api === 'writeFile') {
        files.set(path, (options.data as string) ?? '');
        return reply(options, true, { errMsg: `${api}:ok` });
      }
      if (api === 'readFile') return files.has(path) ? reply(options, true, { errMsg: `${api}:ok`, data: files.get(path) }) : fail(api, options, `no such file or directory, open ${path}`);
      return reply(options, true, { errMsg: `${api}:ok` });
    };
    return { writeFile: call('writeFile'), readFile: call('readFile'), access: call('access'), getFileInfo: call('getFileInfo'), unlink: call('unlink'), mkdir: call('mkdir') };
  };

  const storageApis = {
    setStorageSync: (key: string, data: unknown) => void storage.set(key, JSON.parse(JSON.stringify(data ?? null))),
    getStorageSync: (key: string) => (storage.has(key) ? host.adopt(storage.get(key)) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => host.adopt({ keys: [...storage.keys()], currentSize: JSON.stringify([...storage]).length / 1024, limitSize: 10240 }),
    setStorage: (o: Options) => (storage.set(String(o.key), JSON.parse(JSON.stringify(o.data ?? null))), reply(o, true, { errMsg: 'setStorage:ok' })),
    getStorage: (o: Options) => (storage.has(String(o.key)) ? reply(o, true, { errMsg: 'getStorage:ok', data: storage.get(String(o.key)) }) : fail('getStorage', o, 'data not found')),
    removeStorage: (o: Options) => (storage.delete(String(o.key)), reply(o, true, { errMsg: 'removeStorage:ok' })),
    clearStorage: (o: Options) => (storage.clear(), reply(o, true, { errMsg: 'clearStorage:ok' })),
    getStorageInfo: (o: Options) => reply(o, true, { errMsg: 'getStorageInfo:ok', keys: [...storage.keys()] }),
  };

  const launchOptions = () => host.adopt({ path: host.launch.path, query: host.launch.query, scene: host.scene, referrerInfo: {}, ...(singlePage ? {} : { shareTicket: undefined }) });

  const navigation = (kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab') => (o: Options) => {
    const url = String(o.url ?? '');
    host.navigate(kind, url).then(
      () => reply(o, true, { errMsg: `${kind}:ok` }),
      (e: unknown) => fail(kind, o, e instanceof Error ? e.message : String(e)),
    );
  };

  const cloudCallFunction = (o: Options): Promise<unknown> | undefined => {
    const name = String(o.name ?? '');
    const run = async () => {
      if (singlePage && !FUNCTIONS_INVOCABLE_WITHOUT_LOGIN.includes(name)) {
        violations.push({ rule: 'cloud-invoke-rule', api: `cloud.callFunction(${name})`, page: host.currentRoute(), detail: 'only public-read may be invoked without login' });
        throw host.adopt({ errCode: -604101, errMsg: `cloud.callFunction:fail -604101 function ${name} requires login (invoke rule auth != null)` });
      }
      // The call travels as JSON, as it does to WeChat Cloud.
      const result = await host.callFunction(name, JSON.parse(JSON.stringify(o.data ?? {})));
      return host.adopt({ errMsg: 'cloud.callFunction:ok', result: JSON.parse(JSON.stringify(result ?? null)), requestID: `sim-${calls.length}` });
    };
    calls.push({ api: 'cloud.callFunction', options: withoutCallbacks(o), page: host.currentRoute() });
    const p = run();
    if (o.success || o.fail || o.complete) {
      p.then(
        (r) => host.schedule(() => (o.success?.(r), o.complete?.(r))),
        (e: unknown) => host.schedule(() => (o.fail?.(e), o.complete?.(e))),
      );
      return undefined;
    }
    return p;
  };

  const cloud = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: (options: unknown) => void calls.push({ api: 'cloud.init', options: withoutCallbacks(options), page: host.currentRoute() }),
    callFunction: cloudCallFunction,
    uploadFile: (o: Options) => {
      calls.push({ api: 'cloud.uploadFile', options: withoutCallbacks(o), page: host.currentRoute() });
      const fileID = `cloud://sim-env.sim/${String(o.cloudPath ?? 'file')}`;
      if (o.success || o.fail) return void reply(o, true, { errMsg: 'cloud.uploadFile:ok', fileID, statusCode: 200 });
      return Promise.resolve(host.adopt({ errMsg: 'cloud.uploadFile:ok', fileID, statusCode: 200 }));
    },
    downloadFile: (o: Options) => {
      calls.push({ api: 'cloud.downloadFile', options: withoutCallbacks(o), page: host.currentRoute() });
      const result = { errMsg: 'cloud.downloadFile:ok', statusCode: 200, tempFilePath: `wxfile://tmp/cloud-${calls.length}.png` };
      if (o.success || o.fail) return void reply(o, true, result);
      return Promise.resolve(host.adopt(result));
    },
    getTempFileURL: (o: Options) => {
      calls.push({ api: 'cloud.getTempFileURL', options: withoutCallbacks(o), page: host.currentRoute() });
      const fileList = ((o.fileList as string[] | undefined) ?? []).map((fileID) => ({ fileID, tempFileURL: `https://sim.invalid/${encodeURIComponent(String(fileID))}`, status: 0 }));
      if (o.success || o.fail) return void reply(o, true, { errMsg: 'cloud.getTempFileURL:ok', fileList });
      return Promise.resolve(host.adopt({ errMsg: 'cloud.getTempFileURL:ok', fileList }));
    },
  };

  const behaviours: Record<string, (...args: never[]) => unknown> = {
    ...storageApis,
    getSystemInfoSync: () => host.adopt(SYSTEM_INFO),
    getWindowInfo: () => host.adopt({ pixelRatio: 3, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: SYSTEM_INFO.safeArea, screenTop: 0 }),
    getDeviceInfo: () => host.adopt({ brand: 'sim', model: SYSTEM_INFO.model, pixelRatio: 3, platform: 'android', system: 'Android 14', benchmarkLevel: 30 }),
    getAppBaseInfo: () => host.adopt({ SDKVersion: SYSTEM_INFO.SDKVersion, language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16, enableDebug: false, host: { env: 'WeChat' } }),
    getSystemSetting: () => host.adopt({ bluetoothEnabled: false, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => host.adopt({ albumAuthorized: 'authorized', locationAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getSystemInfo: (o: Options) => reply(o, true, { errMsg: 'getSystemInfo:ok', ...SYSTEM_INFO }),
    getSystemInfoAsync: (o: Options) => reply(o, true, { errMsg: 'getSystemInfoAsync:ok', ...SYSTEM_INFO }),
    getMenuButtonBoundingClientRect: () => host.adopt({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getLaunchOptionsSync: launchOptions,
    getEnterOptionsSync: launchOptions,
    getAccountInfoSync: () => host.adopt({ miniProgram: { appId: 'wxsimulated0000000', envVersion: 'release', version: '0.1.0' } }),
    canIUse: () => true,
    nextTick: (fn: () => void) => host.schedule(fn),
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    reLaunch: navigation('reLaunch'),
    switchTab: navigation('switchTab'),
    navigateBack: (o: Options) =>
      void host.navigateBack(Number(o?.delta ?? 1)).then(
        () => reply(o, true, { errMsg: 'navigateBack:ok' }),
        (e: unknown) => fail('navigateBack', o, e instanceof Error ? e.message : String(e)),
      ),
    setClipboardData: (o: Options) => {
      clipboard.data = String(o.data ?? '');
      reply(o, true, { errMsg: 'setClipboardData:ok' });
    },
    getClipboardData: (o: Options) => reply(o, true, { errMsg: 'getClipboardData:ok', data: clipboard.data ?? '' }),
    showModal: (o: Options) => {
      const { confirm } = host.modalAnswer(withoutCallbacks(o) as Record<string, unknown>);
      reply(o, true, { errMsg: 'showModal:ok', confirm, cancel: !confirm });
    },
    showActionSheet: (o: Options) => reply(o, true, { errMsg: 'showActionSheet:ok', tapIndex: 0 }),
    login: ok('login', { code: 'sim-login-code' }),
    getSetting: (o: Options) => reply(o, true, { errMsg: 'getSetting:ok', authSetting: {} }),
    getPrivacySetting: (o: Options) => reply(o, true, { errMsg: 'getPrivacySetting:ok', needAuthorization: false, privacyContractName: '《招商名片隐私保护指引》' }),
    requirePrivacyAuthorize: ok('requirePrivacyAuthorize'),
    requestSubscribeMessage: (o: Options) =>
      reply(o, true, { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(((o.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])) }),
    getNetworkType: ok('getNetworkType', { networkType: 'wifi' }),
    downloadFile: (o: Options) => reply(o, true, { errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: `wxfile://tmp/download-${calls.length}.png` }),
    getImageInfo: (o: Options) => reply(o, true, { errMsg: 'getImageInfo:ok', width: 750, height: 600, path: String(o.src ?? ''), type: 'png', orientation: 'up' }),
    // The exported file is an image of the requested type and size (its header; the pixels are the recording's).
    canvasToTempFilePath: (o: Options) => {
      const jpg = o.fileType === 'jpg';
      const tempFilePath = `wxfile://tmp/canvas-${calls.length}.${jpg ? 'jpg' : 'png'}`;
      const width = Number(o.destWidth ?? 750);
      const height = Number(o.destHeight ?? 1334);
      files.set(tempFilePath, (jpg ? jpegOf(width, height) : pngOf(width, height)).toString('base64'));
      reply(o, true, { errMsg: 'canvasToTempFilePath:ok', tempFilePath });
    },
    chooseImage: (o: Options) => reply(o, true, { errMsg: 'chooseImage:ok', tempFilePaths: ['wxfile://tmp/chosen-0.jpg'], tempFiles: [{ path: 'wxfile://tmp/chosen-0.jpg', size: 120_000 }] }),
    chooseMedia: (o: Options) => reply(o, true, { errMsg: 'chooseMedia:ok', type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/chosen-0.jpg', size: 120_000, fileType: 'image' }] }),
    compressImage: (o: Options) => reply(o, true, { errMsg: 'compressImage:ok', tempFilePath: String(o.src ?? '') }),
    request: (o: Options) => fail('request', o, 'the simulated phone has no network: the app reaches its backend through wx.cloud only'),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => ({ relativeTo: function r(this: unknown) { return this; }, relativeToViewport: function r(this: unknown) { return this; }, observe: () => undefined, disconnect: () => undefined }),
    getFileSystemManager: fileSystemManager,
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
    createCanvasContext: () => recordingCanvas(375, 600).context,
    createOffscreenCanvas: () => newCanvas(),
    onPageNotFound: (listener: (res: unknown) => void) => void pageNotFoundListeners.push(listener),
    offPageNotFound: (listener?: (res: unknown) => void) => {
      const at = listener ? pageNotFoundListeners.indexOf(listener) : 0;
      if (at >= 0) pageNotFoundListeners.splice(at, listener ? 1 : pageNotFoundListeners.length);
    },
  };

  const { methods, properties } = wxApiNames();
  const wx: Record<string, unknown> = {};
  for (const api of methods) {
    const behaviour = behaviours[api] as ((...args: unknown[]) => unknown) | undefined;
    wx[api] = (...args: unknown[]): unknown => {
      const options = args[0];
      calls.push({ api, options: withoutCallbacks(options), page: host.currentRoute() });
      if (singlePage && SINGLE_PAGE_FORBIDDEN_APIS.includes(api)) {
        violations.push({ rule: 'single-page-forbidden', api, page: host.currentRoute(), detail: 'disabled in Moments single-page mode (scene 1154)' });
        return fail(api, options, 'not supported in single page mode: 请前往小程序使用完整服务');
      }
      const information = privacyInformationOf(api);
      if (information && !declared.includes(information)) {
        violations.push({ rule: 'privacy-undeclared', api, page: host.currentRoute(), detail: `${information} is not declared in the privacy guide` });
        return fail(api, options, 'api scope is not declared in the privacy agreement', { errno: 112 });
      }
      if (behaviour) return behaviour(...args);
      if (/^(on|off)[A-Z]/.test(api)) return undefined;
      if (/Sync$/.test(api) || /^(create|get)[A-Z].*(Manager|Context|Task|Observer|Query|Animation)$/.test(api)) {
        // No device answer to invent for this one: a page that needs it shows up as a console error.
        throw new Error(`wx.${api} is not simulated: add its behaviour to tests/weapp-sim/support/fake-wx.ts`);
      }
      return ok(api)(options);
    };
  }
  for (const property of properties) {
    if (property === 'cloud') wx.cloud = cloud;
    else if (property === 'env') wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    else wx[property] = {};
  }
  return { wx, calls, violations, storage, clipboard, canvases, pageNotFoundListeners };
};
