import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { adminActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `admin`: the district office, and the vacancy link managers open (invoke rule `auth != null`). */
export const main = async (event: unknown) => runAction(adminActions, deps, readWxContext(cloud), event);
