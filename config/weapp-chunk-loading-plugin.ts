import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';

/** The module app.js imports first so that lazy chunks load in the mini-program (config/weapp-chunk-loading-runtime.js). */
export const WEAPP_CHUNK_LOADING_RUNTIME = path.join(__dirname, 'weapp-chunk-loading-runtime.js');

/** The slice of Taro's platform (TaroPlatformBase) the build init hands over. */
export interface RuntimePlatform {
  platform: string;
  runtimePath: string | string[];
}

/** Adds the chunk-loading runtime to the weapp build's runtime modules, once. */
export const addChunkLoadingToWeapp = (platform: RuntimePlatform): void => {
  if (platform.platform !== 'weapp') return;
  const runtime = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath];
  if (!runtime.includes(WEAPP_CHUNK_LOADING_RUNTIME)) platform.runtimePath = [...runtime, WEAPP_CHUNK_LOADING_RUNTIME];
};

/**
 * webpack's lazy chunks (`import()`) in the mini-program, through WeChat's `require.async`: the English
 * dictionary is one, kept in the `english` subpackage so that the main package and Chinese visitors never carry it (#12).
 */
const weappChunkLoadingPlugin = (ctx: IPluginContext): void => {
  ctx.registerMethod({ name: 'onBuildInit', fn: (platform: RuntimePlatform) => addChunkLoadingToWeapp(platform) });
};

export default weappChunkLoadingPlugin;
