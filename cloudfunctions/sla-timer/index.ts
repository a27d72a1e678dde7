import * as cloud from 'wx-server-sdk';
import { createWxDeps } from '../_lib/wx-deps';
import { initCloud } from '../_lib/wx-edge';
import { sendDueVacancyReminders } from '../admin/vacancy-reminders';
import { runSlaTick } from './run-sla-tick';

initCloud(cloud);
const deps = createWxDeps(cloud);

/**
 * Deployed as `sla-timer` with a timer trigger (config.json). Clients must not invoke it (invoke rule false);
 * it takes no input, so a stray call can only run one more harmless tick.
 */
export const main = async () => {
  const report = await runSlaTick(deps);
  // The vacancy re-confirmation cycle shares the timer: one more cheap sweep, never in the way of the ladder.
  const vacancy = await sendDueVacancyReminders(deps).catch(() => ({ sent: 0 }));
  return { ...report, vacancyRemindersSent: vacancy.sent };
};
