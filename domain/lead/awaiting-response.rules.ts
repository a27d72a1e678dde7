import { contactStopped } from '../privacy/anonymisation.rules';
import type { Lead } from './lead.schema';

type Awaiting = Pick<Lead, 'status' | 'sla' | 'privacy'>;

/**
 * A first response is still owed: nobody has answered, the lead is still 新线索 (closing it as 无效 moots the
 * answer — and every status change counts as one), and the investor may still be contacted (consent withdrawn or
 * personal data erased: nobody may call). The SLA ladder waits on the same leads. No lead status means «merged»:
 * a 首报 duplicate is still a real investor waiting for an answer, so it stays owed.
 */
export const awaitsFirstResponse = (lead: Awaiting): boolean => lead.sla.firstRespondedAt === null && lead.status === 'new' && !contactStopped(lead);

/** «当前超时未回复»: owed an answer and past the promise. */
export const isOverdueNow = (lead: Awaiting, now: Date): boolean => awaitsFirstResponse(lead) && lead.sla.firstResponseDueAt < now.toISOString();
