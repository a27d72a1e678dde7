import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { workspaceActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `workspace`: staff only; invoke rule `auth != null`. */
export const main = async (event: unknown) => runAction(workspaceActions, deps, readWxContext(cloud), event);
