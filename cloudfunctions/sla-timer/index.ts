import * as cloud from 'wx-server-sdk';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud } from '../_lib/wx-edge';
import { runSlaTick } from './run-sla-tick';

initCloud(cloud);
const deps = createWxDeps(cloud);

/**
 * Deployed as `sla-timer` with a timer trigger (config.json). Clients must not invoke it (invoke rule false);
 * it takes no input, so a stray call can only run one more harmless tick.
 */
export const main = async () => runSlaTick(deps);
