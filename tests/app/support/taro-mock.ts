/**
 * Stand-in for @tarojs/taro (mapped in jest.config.js): every API a page may call is a jest.fn that resolves
 * like WeChat does, and page hooks behave like Taro's (useLoad runs once on mount; share and pull-down
 * handlers are kept so tests can invoke them).
 */
import { useEffect, useRef } from 'react';

type Params = Partial<Record<string, string>>;

const router: { path: string; params: Params } = { path: '/pages/card/index', params: {} };

/** Sets what `useRouter().params` returns for the next render. */
export const setRouterParams = (params: Params, path = '/pages/card/index'): void => {
  router.params = params;
  router.path = path;
};

const ok = (api: string) => () => Promise.resolve({ errMsg: `${api}:ok` });

export const makePhoneCall = jest.fn(ok('makePhoneCall'));
export const setClipboardData = jest.fn(ok('setClipboardData'));
export const showToast = jest.fn(ok('showToast'));
export const showShareMenu = jest.fn(ok('showShareMenu'));
export const setNavigationBarTitle = jest.fn(ok('setNavigationBarTitle'));
export const stopPullDownRefresh = jest.fn(ok('stopPullDownRefresh'));
export const navigateTo = jest.fn(ok('navigateTo'));
export const request = jest.fn(() => Promise.reject(new Error('Taro.request is not available in tests')));
export const getStorageSync = jest.fn(() => '');
export const setStorageSync = jest.fn();

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn((_param: { name: string; data: unknown }) => Promise.resolve({ result: undefined as unknown, errMsg: 'cloud.callFunction:ok' })),
};

export const getCurrentInstance = jest.fn(() => ({ router }));
export const useRouter = jest.fn(() => router);

export const useLoad = jest.fn((callback: (params: Params) => void) => {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    latest.current(router.params);
  }, []);
});
export const useLaunch = jest.fn((callback: () => void) => {
  useEffect(() => callback(), []);
});
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useReady = jest.fn();
export const useUnload = jest.fn();
export const useReachBottom = jest.fn();

type ShareAppMessage = () => { title?: string; path?: string; imageUrl?: string };
type ShareTimeline = () => { title?: string; query?: string; imageUrl?: string };

/** The handlers the page registered last, as WeChat would call them when the user taps 转发 / 分享到朋友圈. */
export const pageHandlers: { shareAppMessage?: ShareAppMessage; shareTimeline?: ShareTimeline; pullDownRefresh?: () => void } = {};

export const useShareAppMessage = jest.fn((handler: ShareAppMessage) => {
  pageHandlers.shareAppMessage = handler;
});
export const useShareTimeline = jest.fn((handler: ShareTimeline) => {
  pageHandlers.shareTimeline = handler;
});
export const usePullDownRefresh = jest.fn((handler: () => void) => {
  pageHandlers.pullDownRefresh = handler;
});

const apis = {
  makePhoneCall,
  setClipboardData,
  showToast,
  showShareMenu,
  setNavigationBarTitle,
  stopPullDownRefresh,
  navigateTo,
  request,
  getStorageSync,
  setStorageSync,
  getCurrentInstance,
  cloud,
};

/** Clears calls and restores default behaviour of every mock, and empties router params and handlers. */
export const resetTaroMock = (): void => {
  for (const api of Object.values(apis)) {
    if (typeof api === 'function' && 'mockClear' in api) (api as jest.Mock).mockClear();
  }
  cloud.init.mockReset();
  cloud.callFunction.mockReset();
  cloud.callFunction.mockImplementation(() => Promise.resolve({ result: undefined, errMsg: 'cloud.callFunction:ok' }));
  makePhoneCall.mockImplementation(ok('makePhoneCall'));
  setClipboardData.mockImplementation(ok('setClipboardData'));
  [useRouter, useLoad, useLaunch, useShareAppMessage, useShareTimeline, usePullDownRefresh].forEach((hook) => hook.mockClear());
  delete pageHandlers.shareAppMessage;
  delete pageHandlers.shareTimeline;
  delete pageHandlers.pullDownRefresh;
  setRouterParams({});
};

const Taro = {
  ...apis,
  useRouter,
  useLoad,
  useLaunch,
  useDidShow,
  useDidHide,
  useReady,
  useUnload,
  useReachBottom,
  useShareAppMessage,
  useShareTimeline,
  usePullDownRefresh,
};

export default Taro;
