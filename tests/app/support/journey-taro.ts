/**
 * The shared Taro stand-in (taro-mock.ts) plus what the investor journey touches: device storage that really
 * stores, the entry scene, privacy-relevant APIs, navigation and the reach-bottom hook. Test files opt in with
 * `jest.mock('@tarojs/taro', () => require('../support/journey-taro'))`.
 */
// The test files mock '@tarojs/taro' (mapped to taro-mock.ts) with this module: the real one is read past the mock.
const shared = jest.requireActual<typeof import('./taro-mock')>('./taro-mock');
const base = shared.default;

type Params = Partial<Record<string, string>>;

const ok = (api: string) => () => Promise.resolve({ errMsg: `${api}:ok` });

/** What the device stores, as WeChat keeps it (values are copied, not shared). */
export const deviceStorage = new Map<string, unknown>();
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export const getStorageSync = jest.fn((key: string): unknown => (deviceStorage.has(key) ? copy(deviceStorage.get(key)) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown): void => {
  deviceStorage.set(key, copy(value));
});
export const setStorage = jest.fn(({ key, data }: { key: string; data: unknown }) => {
  deviceStorage.set(key, copy(data));
  return Promise.resolve({ errMsg: 'setStorage:ok' });
});
export const removeStorageSync = jest.fn((key: string): void => {
  deviceStorage.delete(key);
});

/** The scene the mini-program was entered with (null: the API is missing, as on old base libraries). */
export const entry: { scene: number | null } = { scene: null };
const enterOptions = () => (entry.scene === null ? undefined : { scene: entry.scene, path: 'pages/card/index', query: {} });
export const getEnterOptionsSync = jest.fn(enterOptions);
export const getLaunchOptionsSync = jest.fn(enterOptions);

export const addPhoneContact = jest.fn(ok('addPhoneContact'));
export const saveImageToPhotosAlbum = jest.fn(ok('saveImageToPhotosAlbum'));
export const openLocation = jest.fn(ok('openLocation'));
export const previewImage = jest.fn(ok('previewImage'));
export const chooseImage = jest.fn(() => Promise.resolve({ tempFilePaths: ['wxfile://tmp/1.jpg'], tempFiles: [], errMsg: 'chooseImage:ok' }));
export const chooseMedia = jest.fn(() => Promise.resolve({ tempFiles: [{ tempFilePath: 'wxfile://tmp/1.jpg', size: 2048, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' }));
export const redirectTo = jest.fn(ok('redirectTo'));
export const showModal = jest.fn((_option?: Record<string, unknown>) => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
export const openSetting = jest.fn(ok('openSetting'));
export const getImageInfo = jest.fn(({ src }: { src: string }) => Promise.resolve({ path: src, width: 280, height: 280, errMsg: 'getImageInfo:ok' }));
export const downloadFile = jest.fn(() => Promise.resolve({ tempFilePath: 'wxfile://tmp/qr.png', statusCode: 200, errMsg: 'downloadFile:ok' }));
/** Pages open in the stack; the page under test is the only one unless a test says otherwise. */
export const pageStack: { depth: number } = { depth: 1 };
export const getCurrentPages = jest.fn(() => Array.from({ length: pageStack.depth }, () => ({})));

export const cloud = Object.assign(shared.cloud, {
  downloadFile: jest.fn(() => Promise.resolve({ tempFilePath: 'wxfile://tmp/cloud.png', errMsg: 'cloud.downloadFile:ok' })),
});

/** The handler the page registered with useReachBottom, as WeChat calls it when the list end scrolls in. */
export const reachBottom: { handler?: () => void } = {};
export const useReachBottom = jest.fn((handler: () => void) => {
  reachBottom.handler = handler;
});

export const { makePhoneCall, setClipboardData, showToast, showShareMenu, setNavigationBarTitle, stopPullDownRefresh, navigateTo, pageHandlers, setRouterParams } = shared;
export const { useRouter, useLoad, useLaunch, useDidShow, useDidHide, useReady, useUnload, useShareAppMessage, useShareTimeline, usePullDownRefresh, getCurrentInstance } = shared;

const extra = {
  getStorageSync,
  setStorageSync,
  setStorage,
  removeStorageSync,
  getEnterOptionsSync,
  getLaunchOptionsSync,
  addPhoneContact,
  saveImageToPhotosAlbum,
  openLocation,
  previewImage,
  chooseImage,
  chooseMedia,
  redirectTo,
  showModal,
  openSetting,
  getImageInfo,
  downloadFile,
  getCurrentPages,
  useReachBottom,
};

/** Every API a Moments single-page visit must never call. */
export const FULL_MODE_ONLY_APIS = {
  navigateTo: shared.navigateTo,
  redirectTo,
  makePhoneCall: shared.makePhoneCall,
  addPhoneContact,
  setClipboardData: shared.setClipboardData,
  saveImageToPhotosAlbum,
  openLocation,
  openSetting,
  chooseImage,
  chooseMedia,
  downloadFile,
};

/** Resets the shared mock and everything added here; the device starts empty and in full mode. */
export const resetJourneyMock = (params: Params = {}, path = '/pages/card/index'): void => {
  shared.resetTaroMock();
  deviceStorage.clear();
  entry.scene = null;
  pageStack.depth = 1;
  delete reachBottom.handler;
  for (const fn of Object.values(extra)) fn.mockClear();
  cloud.downloadFile.mockClear();
  addPhoneContact.mockImplementation(ok('addPhoneContact'));
  saveImageToPhotosAlbum.mockImplementation(ok('saveImageToPhotosAlbum'));
  openLocation.mockImplementation(ok('openLocation'));
  showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
  shared.navigateTo.mockImplementation(ok('navigateTo'));
  shared.setRouterParams(params, path);
};

const Taro = { ...base, ...extra, cloud };

export default Taro;
