import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { wireVisitorHashingFunction } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { publicReadActions } from './actions';

initCloud(cloud);
const wiring = wireVisitorHashingFunction(cloud, 'public-read');

/** Deployed as `public-read`; invoke rule must allow unauthenticated calls (Moments, the web). */
export const main = async (event: unknown) => (wiring.ok ? runAction(publicReadActions, wiring.deps, readWxContext(cloud), event) : wiring.refusal);
