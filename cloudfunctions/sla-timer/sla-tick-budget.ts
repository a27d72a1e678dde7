/**
 * How long one SLA tick may run. The function's config.json declares the timeout (tools/build-functions.ts
 * writes it from here); a tick stops taking new work at the budget, leaving room for the leads in flight and
 * the notification retries, and the next tick (10 minutes later) continues where the due times say.
 */
export const SLA_TIMER_TIMEOUT_SECONDS = 60;
export const SLA_TICK_BUDGET_MS = 40_000;
/** Leads worked on at once: each is a handful of small requests, independent of the others. */
export const SLA_TICK_CONCURRENCY = 8;
/** Leads read per request. */
export const SLA_TICK_PAGE = 100;
