import { confirmCycleDays } from '../../domain/carrier/vacancy.rules';
import type { Deps } from '../_lib/deps';
import { listCarriersVerifiedBefore } from '../_lib/repositories/carrier-admin.repository';
import { listDistricts } from '../_lib/repositories/org.repository';
import { issueVacancyLink } from './vacancy-confirm';

const PER_DISTRICT = 100;
const DAY = 86_400_000;

/**
 * The re-confirmation cycle's timer part: every carrier whose vacancy is due and whose staff manager has not been
 * asked in this cycle gets one link by message (outbox locally). External managers' carriers stay in the
 * admin's due list, where the link is forwarded by hand. Runs with the SLA timer; a missed run only delays.
 */
export const sendDueVacancyReminders = async (deps: Deps): Promise<{ sent: number }> => {
  const now = deps.clock();
  const districts = await listDistricts(deps.store, 100);
  let sent = 0;
  for (const d of districts) {
    const before = new Date(now.getTime() - confirmCycleDays(d) * DAY).toISOString();
    for (const c of await listCarriersVerifiedBefore(deps.store, d._id, before, PER_DISTRICT)) {
      if (!c.managerStaffId || (c.vacancyRemindedAt && c.vacancyRemindedAt > c.lastVerifiedAt)) continue;
      try {
        const link = await issueVacancyLink(deps, now, c);
        if (link.delivery === 'manager') sent += 1;
      } catch (error) {
        deps.log.error('vacancy.remind_failed', { carrierId: c._id, error: error instanceof Error ? error.message : 'unknown' });
      }
    }
  }
  return { sent };
};
