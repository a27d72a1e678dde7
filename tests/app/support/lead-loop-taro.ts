/**
 * The shared Taro stand-in (taro-mock.ts) plus what the lead loop touches: the entry scene (Moments mode),
 * subscribe messages, navigation, scrolling, the page stack, privacy APIs, and the hooks whose handlers the
 * tests call as WeChat would (reach-bottom, did-show). Test files opt in with
 * `jest.mock('@tarojs/taro', () => require('../support/lead-loop-taro'))`.
 */
const shared = jest.requireActual<typeof import('./taro-mock')>('./taro-mock');
const base = shared.default;

const ok = (api: string) => () => Promise.resolve({ errMsg: `${api}:ok` });

/** The scene the mini-program was entered with; null when the API gives nothing. */
export const entry: { scene: number | null } = { scene: null };
const enterOptions = () => (entry.scene === null ? undefined : { scene: entry.scene, path: 'inquiry/lead-form/index', query: {} });
export const getEnterOptionsSync = jest.fn(enterOptions);
export const getLaunchOptionsSync = jest.fn(enterOptions);

/** WeChat's answer to requestSubscribeMessage: template id → accept/reject. */
export const subscribeAnswer: { value: Record<string, string> | Error } = { value: {} };
export const requestSubscribeMessage = jest.fn((_option: { tmplIds: string[] }) =>
  subscribeAnswer.value instanceof Error ? Promise.reject(subscribeAnswer.value) : Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...subscribeAnswer.value }),
);

export const redirectTo = jest.fn((_option: { url: string }) => Promise.resolve({ errMsg: 'redirectTo:ok' }));
export const navigateBack = jest.fn((_option?: { delta?: number }) => Promise.resolve({ errMsg: 'navigateBack:ok' }));
export const pageScrollTo = jest.fn(ok('pageScrollTo'));
export const addPhoneContact = jest.fn(ok('addPhoneContact'));
export const showModal = jest.fn(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
export const openSetting = jest.fn(ok('openSetting'));

/** Device storage that really stores (drafts), emptied between tests; `reloadPage` keeps it, as a reload would. */
export const deviceStorage = new Map<string, unknown>();
export const getStorageSync = jest.fn((key: string): unknown => (deviceStorage.has(key) ? deviceStorage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown): void => {
  deviceStorage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string): void => {
  deviceStorage.delete(key);
});

/** The routes below the page under test, bottom first; empty = the page was opened directly. */
export const pagesBelow: string[] = [];
export const getCurrentPages = jest.fn(() => [...pagesBelow.map((route) => ({ route })), { route: 'current' }]);

/** Handlers the page registered, as WeChat calls them (list end scrolled in; page shown again). */
export const handlers: { reachBottom?: () => void; didShow?: () => void } = {};
export const useReachBottom = jest.fn((handler: () => void) => {
  handlers.reachBottom = handler;
});
export const useDidShow = jest.fn((handler: () => void) => {
  handlers.didShow = handler;
});

export const { makePhoneCall, setClipboardData, showToast, showShareMenu, setNavigationBarTitle, stopPullDownRefresh, navigateTo, pageHandlers, setRouterParams } = shared;
export const { useRouter, useLoad, useLaunch, useDidHide, useReady, useUnload, useShareAppMessage, useShareTimeline, usePullDownRefresh, getCurrentInstance, cloud } = shared;

const extra = {
  getEnterOptionsSync,
  getLaunchOptionsSync,
  requestSubscribeMessage,
  redirectTo,
  navigateBack,
  pageScrollTo,
  addPhoneContact,
  showModal,
  openSetting,
  getCurrentPages,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  useReachBottom,
  useDidShow,
};

/** Everything back to defaults between tests. */
export const resetLeadLoopTaro = (): void => {
  shared.resetTaroMock();
  for (const fn of Object.values(extra)) (fn as jest.Mock).mockClear();
  entry.scene = null;
  subscribeAnswer.value = {};
  pagesBelow.length = 0;
  deviceStorage.clear();
  delete handlers.reachBottom;
  delete handlers.didShow;
};

const Taro = { ...base, ...extra };
export default Taro;
