import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { adminActions } from './actions';
import { handleMediaCheckPush } from './media-check-push';

initCloud(cloud);
const deps = createWxDeps(cloud);

/**
 * Deployed as `admin`: the district office, and the vacancy link managers open (invoke rule `auth != null`).
 * Also receives WeChat's `wxa_media_check` pushes (message push → this function, JSON): the verdict on a carrier
 * photo, validated and applied by trace id (see media-check-push.ts).
 */
export const main = async (event: unknown) => (await handleMediaCheckPush(deps, event)) ?? runAction(adminActions, deps, readWxContext(cloud), event);
