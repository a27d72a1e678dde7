import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { sharingActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `sharing`: needs the caller's OPENID (invoke rule `auth != null`). */
export const main = async (event: unknown) => runAction(sharingActions, deps, readWxContext(cloud), event);
