import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { reportsActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `reports`: staff only; invoke rule `auth != null`. */
export const main = async (event: unknown) => runAction(reportsActions, deps, readWxContext(cloud), event);
