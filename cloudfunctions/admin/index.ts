import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { adminActions } from './actions';
import { isInviteHashMigrationEvent, runInviteHashMigration } from './invite-hash-migration';
import { handleMediaCheckPush } from './media-check-push';

initCloud(cloud);
const deps = createWxDeps(cloud);

/**
 * Deployed as `admin`: the district office, and the vacancy link managers open (invoke rule `auth != null`).
 * Also receives WeChat's `wxa_media_check` pushes (message push → this function, JSON): the verdict on a carrier
 * photo, validated and applied by trace id (see media-check-push.ts); and, from the console, the one-off
 * migration of plain-text invite codes to their hash (invite-hash-migration.ts).
 */
export const main = async (event: unknown) => {
  const pushed = await handleMediaCheckPush(deps, event);
  if (pushed) return pushed;
  const ctx = readWxContext(cloud);
  if (isInviteHashMigrationEvent(event, ctx)) return runInviteHashMigration(deps);
  return runAction(adminActions, deps, ctx, event);
};
