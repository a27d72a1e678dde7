import type { Notifier } from '../../cloudfunctions/_lib/deps';

/**
 * Local delivery: the outbox collection is the inbox the persona UI reads (GET /api/_local/outbox).
 * `failFirst` makes the first N sends fail, to exercise retries in tests.
 */
export const outboxNotifier = (options: { failFirst?: number; failWith?: string } = {}): Notifier & { sent: number } => {
  let remainingFailures = options.failFirst ?? 0;
  const notifier = {
    sent: 0,
    async send() {
      if (remainingFailures > 0) {
        remainingFailures -= 1;
        return { ok: false as const, code: options.failWith ?? 'subscription_missing' };
      }
      notifier.sent += 1;
      return { ok: true as const };
    },
  };
  return notifier;
};
