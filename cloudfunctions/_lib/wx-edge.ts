import type * as WxServerSdk from 'wx-server-sdk';
import type { RequestContext } from './request-context';
import { webVisitorOfCloudbaseCaller } from './web-visitor';

type Cloud = typeof WxServerSdk;

/** `cloud.DYNAMIC_CURRENT_ENV` is a symbol the SDK accepts although its typings ask for a string. */
export const initCloud = (cloud: Cloud): void => {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
};

let counter = 0;
/**
 * Reads identity once, from the trusted WeChat context only (never from the event body).
 * OPENID is empty for Moments single-page mode, timers and function-to-function calls.
 */
export const readWxContext = (cloud: Cloud, origin: RequestContext['origin'] = 'wechat'): RequestContext => {
  const wx = cloud.getWXContext();
  counter = (counter + 1) % 1_000_000;
  const openid = typeof wx.OPENID === 'string' && wx.OPENID ? wx.OPENID : null;
  // A web caller signed in anonymously through the CloudBase web SDK: CloudBase verified the sign-in and sets
  // these for the invocation; they never come from the event body.
  const clientIp = typeof wx.CLIENTIP === 'string' && wx.CLIENTIP ? wx.CLIENTIP : null;
  return {
    openid,
    appid: typeof wx.APPID === 'string' && wx.APPID ? wx.APPID : null,
    visitor: webVisitorOfCloudbaseCaller(openid, { TCB_UUID: process.env.TCB_UUID, TCB_ISANONYMOUS_USER: process.env.TCB_ISANONYMOUS_USER }),
    clientIp,
    origin,
    requestId: `${Date.now().toString(36)}-${counter.toString(36)}`,
  };
};
