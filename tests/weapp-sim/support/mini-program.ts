import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import vm from 'node:vm';
import { createFakeWx, type FakeWx, type Violation, type WxCall } from './fake-wx';
import { applyDataPath } from './set-data-path';
import { DECLARED_PRIVACY, SCENES, type PrivacyInformation } from './wechat-rules';
import { elementsOf, textOf, type RenderedPage, type WxmlElement, type WxmlRenderer } from './wxml-renderer';

/**
 * A simulated WeChat mini-program runtime for the weapp build (`dist/`): WeChat's module system, `App`, `Page`
 * and `Component`, a page stack, `setData` recorded and applied by path, the rendered tree from WeChat's own
 * template compiler, and taps and input delivered the way the render layer delivers them (bubbling `bindtap`
 * handlers from the target up). One instance is one phone opening the mini-program once.
 */

/** One `setData` call: how much crossed from the logic layer to the render layer. */
export interface SetDataRecord {
  /** UTF-8 bytes of the JSON payload, the measure WeChat's 256 KB limit applies to. */
  bytes: number;
  keys: number;
}

/** A cloud function call as it leaves the phone. */
export type CloudFunctionHandler = (call: { name: string; data: unknown; openid: string | null }) => Promise<unknown>;

export interface MiniProgramOptions {
  dist: string;
  renderer: WxmlRenderer;
  cloud: CloudFunctionHandler;
  /** The WeChat user's OPENID as the cloud sees it; null for Moments single-page mode (no login state). */
  openid: string | null;
  /** Scene value of this entry (1154 = Moments single-page mode). */
  scene?: number;
  privacy?: readonly PrivacyInformation[];
  /** How the user answers `wx.showModal`; confirms by default. */
  modalAnswer?: (options: Record<string, unknown>) => { confirm: boolean };
  /** Storage left by an earlier run of the same phone (drafts survive a restart). */
  storage?: Map<string, unknown>;
}

type Lifecycle = (this: Record<string, unknown>, ...args: unknown[]) => unknown;
type Definition = Record<string, unknown> & { data?: unknown };

/** Timers longer than this are not waited for by `settle()` (hint banners, polling). */
const SETTLE_TIMER_LIMIT_MS = 1000;

export class SimulatedPage {
  readonly setDataLog: SetDataRecord[] = [];
  private rendered: RenderedPage | null = null;
  readonly instance: Record<string, unknown> & { data: Record<string, unknown> };

  constructor(
    private readonly app: MiniProgram,
    readonly route: string,
    readonly query: Record<string, string>,
    definition: Definition,
  ) {
    const data = JSON.parse(JSON.stringify(definition.data ?? {})) as Record<string, unknown>;
    const instance: Record<string, unknown> & { data: Record<string, unknown> } = { data };
    for (const [key, value] of Object.entries(definition)) {
      if (key === 'data') continue;
      instance[key] = typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(instance) : value;
    }
    Object.assign(instance, {
      route,
      __route__: route,
      options: query,
      is: route,
      __wxWebviewId__: app.nextWebviewId(),
      setData: (patch: Record<string, unknown>, cb?: () => void) => this.setData(patch, cb),
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (app.fake.wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined }),
      getTabBar: () => null,
      getPageId: () => `sim-page-${route}`,
    });
    this.instance = instance;
  }

  private setData(patch: Record<string, unknown>, cb?: () => void): void {
    const json = JSON.stringify(patch);
    this.setDataLog.push({ bytes: Buffer.byteLength(json, 'utf8'), keys: Object.keys(patch).length });
    // What arrives on the render side is a serialised copy, applied path by path.
    const copy = JSON.parse(json) as Record<string, unknown>;
    for (const [path, value] of Object.entries(copy)) applyDataPath(this.instance.data, path, value);
    this.rendered = null;
    if (cb) this.app.schedule(cb);
  }

  call(lifecycle: string, ...args: unknown[]): unknown {
    const fn = this.instance[lifecycle] as Lifecycle | undefined;
    if (typeof fn !== 'function') return undefined;
    return this.app.guard(`${this.route}.${lifecycle}`, () => fn.apply(this.instance, args));
  }

  /** The page as drawn now: re-rendered after each `setData`, like the render layer. */
  render(): RenderedPage {
    if (this.rendered) return this.rendered;
    const rendered = this.app.renderer.render(this.route, this.instance.data);
    for (const warning of rendered.warnings) this.app.consoleErrors.push(`[render ${this.route}] ${warning}`);
    this.rendered = rendered;
    return rendered;
  }

  /** Elements carrying a `bindtap`/`catchtap` whose text contains `text` (the innermost tappable one first). */
  tappables(text?: string): WxmlElement[] {
    const all = elementsOf(this.render().root)
      .map((e) => e.node)
      .filter((n) => hasHandler(n, 'tap') && (text === undefined || textOf(n).includes(text)));
    return all.reverse();
  }

  /** Taps the innermost tappable element whose text contains `text`. */
  async tap(text: string): Promise<void> {
    const [target] = this.tappables(text);
    if (!target) throw new Error(`${this.route}: nothing tappable shows «${text}». Visible text: ${this.render().text.slice(0, 600)}`);
    await this.tapElement(target);
  }

  /** Delivers a tap on `target` as WeChat does: each `bindtap` from the target up, until a `catchtap`. */
  async tapElement(target: WxmlElement): Promise<void> {
    await this.dispatch(target, 'tap', { x: 10, y: 10 });
  }

  async dispatch(target: WxmlElement, type: string, detail: Record<string, unknown>): Promise<void> {
    const path = elementsOf(this.render().root).find((e) => sameElement(e.node, target));
    if (!path) throw new Error(`${this.route}: element to ${type} is no longer on the page`);
    const chain = [...path.ancestors, path.node].reverse();
    const targetRef = eventTarget(path.node);
    for (const node of chain) {
      const bind = node.attr?.[`bind${type}`] ?? node.attr?.[`bind:${type}`];
      const catcher = node.attr?.[`catch${type}`] ?? node.attr?.[`catch:${type}`];
      const handler = (catcher ?? bind) as string | undefined;
      if (typeof handler === 'string' && handler) {
        const event = this.app.adopt({ type, timeStamp: Date.now(), detail, target: targetRef, currentTarget: eventTarget(node), touches: [], changedTouches: [], mark: {} });
        this.call(handler, event);
      }
      if (catcher) break;
    }
    await this.app.settle();
  }

  /** Picks row `index` of the native picker that shows `text` (WeChat's wheel answers with `change`). */
  async pick(text: string, index: number): Promise<void> {
    const pickers = elementsOf(this.render().root)
      .map((e) => e.node)
      .filter((n) => n.tag === 'wx-picker' && textOf(n).includes(text));
    const picker = pickers[pickers.length - 1];
    if (!picker) throw new Error(`${this.route}: no picker shows «${text}»`);
    await this.dispatch(picker, 'change', { value: index });
  }

  /** Types into the input (or textarea) whose placeholder or surrounding label contains `label`. */
  async fill(label: string, value: string): Promise<void> {
    const fields = elementsOf(this.render().root).filter((e) => e.node.tag === 'wx-input' || e.node.tag === 'wx-textarea');
    const match = fields.find((f) => String(f.node.attr?.placeholder ?? '').includes(label) || f.ancestors.slice(-3).some((a) => textOf(a).includes(label)));
    if (!match) throw new Error(`${this.route}: no input labelled «${label}» (inputs: ${fields.map((f) => String(f.node.attr?.placeholder ?? '?')).join(', ')})`);
    await this.dispatch(match.node, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.dispatch(match.node, 'blur', { value });
  }
}

const hasHandler = (node: WxmlElement, type: string): boolean => Boolean(node.attr?.[`bind${type}`] ?? node.attr?.[`catch${type}`] ?? node.attr?.[`bind:${type}`] ?? node.attr?.[`catch:${type}`]);

const datasetOf = (node: WxmlElement): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(node.attr ?? {})
      .filter(([k]) => k.startsWith('data-'))
      .map(([k, v]) => [k.slice(5).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  );

const eventTarget = (node: WxmlElement) => ({ id: String(node.attr?.id ?? ''), dataset: datasetOf(node), offsetLeft: 0, offsetTop: 0 });

const sameElement = (a: WxmlElement, b: WxmlElement): boolean => a === b || (a.attr?.id !== undefined && a.attr?.id !== '' && a.attr?.id === b.attr?.id && a.tag === b.tag);

export class MiniProgram {
  readonly fake: FakeWx;
  readonly renderer: WxmlRenderer;
  readonly consoleErrors: string[] = [];
  readonly consoleWarnings: string[] = [];
  readonly pages: SimulatedPage[] = [];
  /** Every page opened, in order (navigation included). */
  readonly opened: SimulatedPage[] = [];
  readonly scene: number;
  readonly openid: string | null;
  /** Every file of the build the app has run, in order (package-relative, e.g. `english/dictionary.js`). */
  readonly loadedFiles: string[] = [];
  /** Files fetched with `require.async` (分包异步化), in order. */
  readonly asyncLoads: string[] = [];

  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly definitions = new Map<string, Definition>();
  private readonly components = new Map<string, Definition>();
  private loadingRoute: string | null = null;
  private app: Record<string, unknown> | null = null;
  private pendingWork = 0;
  private pendingTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Where the last waited-for timer was set (its stack formatted only if a settle never comes). */
  private lastTimerOrigin: Error | null = null;
  private webviewId = 0;
  private readonly options: MiniProgramOptions;
  private launch: { path: string; query: Record<string, string> } = { path: '', query: {} };

  constructor(options: MiniProgramOptions) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake wx reads the launch entry lazily, after start()
    const self = this;
    this.options = options;
    this.renderer = options.renderer;
    this.scene = options.scene ?? SCENES.chat;
    this.openid = this.scene === SCENES.moments ? null : options.openid;
    const log = (sink: string[]) => (...args: unknown[]) => sink.push(args.map((a) => (a instanceof Error || (typeof a === 'object' && a !== null && 'stack' in a) ? String((a as Error).stack ?? a) : typeof a === 'string' ? a : safeJson(a))).join(' '));
    const timers = {
      setTimeout: (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
        const waited = Number(ms) <= SETTLE_TIMER_LIMIT_MS;
        const handle = setTimeout(() => {
          this.pendingTimers.delete(handle);
          this.guard('setTimeout callback', () => fn(...args));
        }, Number(ms) || 0);
        if (waited) {
          this.pendingTimers.add(handle);
          this.lastTimerOrigin = new Error();
        }
        return handle;
      },
      clearTimeout: (handle: ReturnType<typeof setTimeout>) => {
        this.pendingTimers.delete(handle);
        clearTimeout(handle);
      },
      setInterval: (fn: () => void, ms: number) => setInterval(() => this.guard('setInterval callback', fn), ms),
      clearInterval: (handle: ReturnType<typeof setInterval>) => clearInterval(handle),
    };
    this.context = vm.createContext({
      console: { log: () => undefined, info: () => undefined, debug: () => undefined, warn: log(this.consoleWarnings), error: log(this.consoleErrors), group: () => undefined, groupEnd: () => undefined, time: () => undefined, timeEnd: () => undefined },
      ...timers,
    });
    this.fake = createFakeWx(
      {
        scene: this.scene,
        get launch() {
          return self.launch;
        },
        currentRoute: () => this.top()?.route ?? this.loadingRoute,
        navigate: (kind, url) => this.navigate(kind, url),
        navigateBack: (delta) => this.navigateBack(delta),
        callFunction: (name, data) => this.track(this.options.cloud({ name, data, openid: this.openid })),
        adopt: (value) => this.adopt(value),
        modalAnswer: (o) => (this.options.modalAnswer ?? (() => ({ confirm: true })))(o),
        schedule: (fn) => void timers.setTimeout(fn, 0),
      },
      options.privacy ?? DECLARED_PRIVACY,
    );
    if (options.storage) for (const [k, v] of options.storage) this.fake.storage.set(k, v);
    Object.assign(this.context, {
      wx: this.fake.wx,
      App: (definition: Definition) => {
        this.app = definition;
      },
      Page: (definition: Definition) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file');
        this.definitions.set(this.loadingRoute, definition);
      },
      Component: (definition: Definition) => {
        if (!this.loadingRoute) throw new Error('Component() called outside a component file');
        this.components.set(this.loadingRoute, definition);
      },
      Behavior: (definition: Definition) => definition,
      getApp: () => this.app,
      getCurrentPages: () => this.pages.map((p) => p.instance),
      requirePlugin: () => {
        throw new Error('requirePlugin: no plugins are configured');
      },
    });
    vm.runInContext('var global = this;', this.context);
  }

  nextWebviewId(): number {
    return (this.webviewId += 1);
  }

  top(): SimulatedPage | undefined {
    return this.pages[this.pages.length - 1];
  }

  get calls(): WxCall[] {
    return this.fake.calls;
  }

  get violations(): Violation[] {
    return this.fake.violations;
  }

  /** A value handed to the app, created in the app's realm (as WeChat's bridge hands over fresh objects). */
  adopt<T>(value: T): T {
    if (value === undefined) return value;
    return vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(value))})`, this.context) as T;
  }

  schedule(fn: () => void): void {
    (this.context.setTimeout as (f: () => void, ms: number) => void)(fn, 0);
  }

  /** Runs app code the way WeChat does: an exception is reported to the console, never thrown into the caller. */
  guard<T>(where: string, fn: () => T): T | undefined {
    try {
      const r = fn();
      if (r && typeof (r as { then?: unknown }).then === 'function') {
        this.track(Promise.resolve(r)).catch((e: unknown) => this.consoleErrors.push(`${where}: ${describe(e)}`));
      }
      return r;
    } catch (e) {
      this.consoleErrors.push(`${where}: ${describe(e)}`);
      const onError = this.app?.onError;
      if (typeof onError === 'function') (onError as (m: string) => void).call(this.app, describe(e));
      return undefined;
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pendingWork += 1;
    return p.finally(() => {
      this.pendingWork -= 1;
    });
  }

  /** Waits until the app is idle: no cloud call in flight, no short timer pending, for two turns in a row. */
  async settle(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error(`the app did not settle within ${timeoutMs} ms (${this.pendingWork} calls in flight, ${this.pendingTimers.size} timers; the last set at ${(this.lastTimerOrigin?.stack ?? '').split('\n').slice(2, 8).join(' ← ')})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      quiet = this.pendingWork === 0 && this.pendingTimers.size === 0 ? quiet + 1 : 0;
    }
  }

  /** WeChat's module system: one function scope per file, `require` relative to it, `.js` optional. */
  require(file: string): unknown {
    const path = normalize(file.endsWith('.js') ? file : `${file}.js`);
    const cached = this.modules.get(path);
    if (cached) return cached.exports;
    const full = join(this.options.dist, path);
    if (!existsSync(full)) throw new Error(`module ${path} is not in the build`);
    const module = { exports: {} as unknown };
    this.modules.set(path, module);
    this.loadedFiles.push(path);
    const wrapped = vm.runInContext(`(function (module, exports, require) {${readFileSync(full, 'utf8')}\n})`, this.context, { filename: full }) as (m: unknown, e: unknown, r: unknown) => void;
    const resolve = (request: string) => (request.startsWith('.') ? join(dirname(path), request) : request);
    const fileRequire = Object.assign((request: string) => this.require(resolve(request)), {
      // 分包异步化: a file of another package, after its package has been downloaded (a turn of the event loop here).
      async: (request: string) => this.requireAsync(resolve(request)),
    });
    wrapped(module, module.exports, fileRequire);
    return module.exports;
  }

  /** `require.async`: resolves with the module's exports, or rejects as WeChat does (`{mod, errMsg}`). */
  private requireAsync(file: string): Promise<unknown> {
    const path = normalize(file.endsWith('.js') ? file : `${file}.js`);
    this.asyncLoads.push(path);
    return this.track(
      new Promise<unknown>((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(this.require(path));
          } catch (e) {
            reject(this.adopt({ mod: path, errMsg: describe(e) }));
          }
        }, 5);
      }),
    );
  }

  /** Runs app.js and App.onLaunch/onShow for an entry on `path`, without opening the page yet. */
  boot(path: string, query: Record<string, string> = {}): void {
    if (this.app) return;
    this.launch = { path, query };
    this.loadingRoute = null;
    this.guard('app.js', () => this.require('app'));
    if (!this.app) throw new Error(`app.js did not call App(); console errors: ${this.consoleErrors.join('\n')}`);
    const launchOptions = this.adopt({ path, query, scene: this.scene, referrerInfo: {} });
    this.guard('App.onLaunch', () => (this.app?.onLaunch as ((o: unknown) => void) | undefined)?.call(this.app, launchOptions));
    this.guard('App.onShow', () => (this.app?.onShow as ((o: unknown) => void) | undefined)?.call(this.app, launchOptions));
  }

  /**
   * Cold start on `path`: app.js, App.onLaunch/onShow, then the page. A path the build has no page for (an old
   * share or QR code) goes to `App.onPageNotFound` and every `wx.onPageNotFound` listener first, as WeChat does;
   * the page they redirect to is the one returned. Without a redirect WeChat shows its own «页面不存在».
   */
  async start(path: string, query: Record<string, string> = {}): Promise<SimulatedPage> {
    this.boot(path, query);
    const route = path.replace(/^\//, '');
    if (!this.declaredPages().includes(route)) {
      const res = this.adopt({ path: route, query, isEntryPage: true });
      this.guard('App.onPageNotFound', () => (this.app?.onPageNotFound as ((r: unknown) => void) | undefined)?.call(this.app, res));
      for (const listener of this.fake.pageNotFoundListeners) this.guard('wx.onPageNotFound listener', () => listener(res));
      await this.settle();
      const landed = this.top();
      if (!landed) throw new Error(`page "${route}" is not found and nothing redirected it; console errors:\n${this.consoleErrors.join('\n')}`);
      return landed;
    }
    const page = await this.openPage(path, query);
    await this.settle();
    return page;
  }

  /** Every page app.json declares, main package and subpackages. */
  declaredPages(): string[] {
    const appJson = JSON.parse(readFileSync(join(this.options.dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
    return [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`))];
  }

  /**
   * Whether the page can be shared to Moments: its Page object has `onShareTimeline` (Taro 4 writes no
   * `enableShareTimeline` into the page's .json, so that is what WeChat goes by).
   */
  isShareableToMoments(route: string): boolean {
    this.boot(route);
    const definition = this.loadDefinition(route);
    return typeof definition.onShareTimeline === 'function' && typeof definition.onShareAppMessage === 'function';
  }

  private loadDefinition(route: string): Definition {
    const known = this.definitions.get(route);
    if (known) return known;
    const json = JSON.parse(readFileSync(join(this.options.dist, `${route}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    for (const target of Object.values(json.usingComponents ?? {})) {
      const componentPath = normalize(join(dirname(route), target));
      if (this.components.has(componentPath)) continue;
      this.loadingRoute = componentPath;
      this.guard(`${componentPath}.js`, () => this.require(componentPath));
    }
    this.loadingRoute = route;
    this.guard(`${route}.js`, () => this.require(route));
    this.loadingRoute = null;
    const definition = this.definitions.get(route);
    if (!definition) throw new Error(`${route}.js did not call Page(); console errors:\n${this.consoleErrors.join('\n')}`);
    return definition;
  }

  private async openPage(route: string, query: Record<string, string>): Promise<SimulatedPage> {
    const clean = route.replace(/^\//, '');
    const page = new SimulatedPage(this, clean, query, this.loadDefinition(clean));
    this.top()?.call('onHide');
    this.pages.push(page);
    this.opened.push(page);
    page.call('onLoad', this.adopt(query));
    page.call('onShow');
    page.call('onReady');
    return page;
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<void> {
    const [path, search = ''] = url.split('?');
    const route = path.replace(/^\//, '');
    if (!existsSync(join(this.options.dist, `${route}.js`))) throw new Error(`page "${route}" is not found`);
    const query = Object.fromEntries(new URLSearchParams(search));
    if (kind === 'navigateTo' && this.pages.length >= 10) throw new Error('webview count limit exceed');
    if (kind === 'redirectTo') this.pages.pop()?.call('onUnload');
    if (kind === 'reLaunch' || kind === 'switchTab') while (this.pages.length) this.pages.pop()?.call('onUnload');
    await this.openPage(route, query);
  }

  private async navigateBack(delta: number): Promise<void> {
    if (this.pages.length <= 1) throw new Error('cannot navigate back at first page.');
    for (let i = 0; i < delta && this.pages.length > 1; i++) this.pages.pop()?.call('onUnload');
    this.top()?.call('onShow');
  }
}

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : typeof e === 'object' && e !== null && 'stack' in e ? String((e as Error).stack) : safeJson(e));

const safeJson = (v: unknown): string => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};
