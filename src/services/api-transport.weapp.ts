import Taro from '@tarojs/taro';
import { ApiError } from './api-error';
import type { ApiTransport } from './api-transport';

/** WeChat cloud errors meaning "the function ran and crashed", as opposed to "the call never arrived". */
const FUNCTION_FAILED_CODES = new Set([-504002, -404011]);

type CloudWithDynamicEnv = typeof Taro.cloud & { DYNAMIC_CURRENT_ENV?: string };

let cloudReady = false;

const ensureCloud = (): void => {
  if (cloudReady) return;
  const cloud = Taro.cloud as CloudWithDynamicEnv;
  const env = process.env.TARO_APP_CLOUD_ENV || cloud.DYNAMIC_CURRENT_ENV;
  cloud.init({ traceUser: true, ...(env ? { env } : {}) });
  cloudReady = true;
};

/** Mini-program transport: one cloud function per audience, routed inside by `envelope.action`. */
export const platformTransport: ApiTransport = {
  async send(fn, envelope) {
    ensureCloud();
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: { action: envelope.action, input: envelope.input } });
      return res.result;
    } catch (e) {
      const errCode = (e as { errCode?: unknown } | null)?.errCode;
      if (typeof errCode === 'number' && FUNCTION_FAILED_CODES.has(errCode)) throw new ApiError('INTERNAL.UNEXPECTED');
      throw e;
    }
  },
};
