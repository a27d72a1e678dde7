import type { LeadEvent } from '../lead/lead-event.schema';
import { LEAD_STATUSES, progressStage, type LeadStatus } from '../lead/lead-status.rules';

const REPORTED_AS_REAL = progressStage('negotiating');

/**
 * 报送后判定无效: a lead that had been reported as a real project (reached 洽谈 or beyond) and was then closed as
 * invalid costs its unit points in the period the closing happened: [start, end). Reopened since: no penalty.
 */
export const invalidatedAfterReport = (events: readonly Pick<LeadEvent, 'type' | 'data' | 'at'>[], start: string, end: string): boolean => {
  let reported = false;
  let closedAt: string | null = null;
  for (const e of events) {
    if (e.type !== 'status_changed') continue;
    const to = e.data?.to;
    if (typeof to !== 'string' || !(LEAD_STATUSES as readonly string[]).includes(to)) continue;
    if (to === 'invalid') {
      closedAt = reported ? e.at : closedAt;
      continue;
    }
    closedAt = null;
    if (progressStage(to as LeadStatus) >= REPORTED_AS_REAL) reported = true;
  }
  return closedAt !== null && closedAt >= start && closedAt < end;
};
