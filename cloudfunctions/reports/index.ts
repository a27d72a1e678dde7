import * as cloud from 'wx-server-sdk';
import { runAction } from '../_lib/action-runner';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud, readWxContext } from '../_lib/wx-edge';
import { reportsActions } from './actions';
import { isBulletinTimerEvent } from './bulletin-timer';
import { runMonthlyBulletins } from './monthly-bulletins';
import { isRollupRecountEvent, runRollupMigration } from './heatmap-rollup-recount';

initCloud(cloud);
const deps = createWxDeps(cloud);

/**
 * Deployed as `reports`: staff only; invoke rule `auth != null`. Its daily timer trigger (config.json,
 * `monthly-bulletin`) makes 每月一通报 here, where exceljs and pdfkit already are, rather than in sla-timer; its
 * `rollup-recount` trigger migrates the roll-ups after a deploy that changed their schema (whole days of about
 * 2 000 leads a tick, resumable).
 */
export const main = async (event: unknown) => {
  const ctx = readWxContext(cloud);
  if (isBulletinTimerEvent(event, ctx)) return runMonthlyBulletins(deps);
  if (isRollupRecountEvent(event, ctx)) return runRollupMigration(deps);
  return runAction(reportsActions, deps, ctx, event);
};
