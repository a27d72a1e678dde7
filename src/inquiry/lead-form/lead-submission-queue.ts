import * as v from 'valibot';
import { LeadSubmissionSchema, type LeadSubmission } from '../../../domain/api/lead.contracts';
import { createOfflineQueue, type OfflineQueue } from '../../services/offline-queue';

/** An inquiry without its proof of work: a web visitor's proof is taken fresh when the queue sends it. */
export type QueuedSubmission = Omit<LeadSubmission, 'proof'>;

const parse = (raw: unknown): QueuedSubmission | null => {
  const r = v.safeParse(LeadSubmissionSchema, raw);
  return r.success && !r.output.proof ? r.output : null;
};

let queue: OfflineQueue<QueuedSubmission> | null = null;

/** Inquiries submitted with no network, kept on the device with their fill's idempotency key until sent. */
export const leadSubmissionQueue = (): OfflineQueue<QueuedSubmission> => (queue ??= createOfflineQueue('lead-submissions', parse));
