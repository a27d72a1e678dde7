import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { wireVisitorHashingFunction } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { sharingActions } from './actions';

initCloud(cloud);
const wiring = wireVisitorHashingFunction(cloud, 'sharing');

/** Deployed as `sharing`: needs the caller's OPENID (invoke rule `auth != null`). */
export const main = async (event: unknown) => (wiring.ok ? runAction(sharingActions, wiring.deps, readWxContext(cloud), event) : wiring.refusal);
