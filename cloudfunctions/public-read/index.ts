import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { publicReadActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `public-read`; invoke rule must allow unauthenticated calls (Moments, the web). */
export const main = async (event: unknown) => runAction(publicReadActions, deps, readWxContext(cloud), event);
