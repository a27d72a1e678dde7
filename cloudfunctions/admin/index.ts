import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { adminActions } from './actions';
import { applyMediaCheckVerdict } from './carrier-photo';
import { mediaCheckVerdictOf } from '../_lib/wx-openapi';

initCloud(cloud);
const deps = createWxDeps(cloud);

/** Deployed as `admin`: the district office, and the vacancy link managers open (invoke rule `auth != null`). */
/**
 * Also receives WeChat's `wxa_media_check` pushes (message push → this function): the verdict on a carrier photo.
 * Only trace ids the server recorded (never sent to any client) change anything, so a forged push does nothing.
 */
export const main = async (event: unknown) => {
  const verdict = mediaCheckVerdictOf(event);
  if (verdict) return { ok: true, data: { result: await applyMediaCheckVerdict(deps, verdict) } };
  return runAction(adminActions, deps, readWxContext(cloud), event);
};
