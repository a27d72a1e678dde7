import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { leadIntakeActions } from './actions';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `lead-intake`: writes need the caller's OPENID (a mini-program user). */
export const main = async (event: unknown) => runAction(leadIntakeActions, deps, readWxContext(cloud), event);
