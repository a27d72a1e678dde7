import type { RequestContext } from '../_lib/request-context';

export const BULLETIN_TRIGGER = 'monthly-bulletin';

/**
 * WeChat runs a timer trigger with `{ Type: 'Timer', TriggerName }` and no caller. A client's call always has one
 * (the invoke rule is `auth != null`), so a body shaped like a timer event from a person is an ordinary, refused
 * action call — and making bulletins is idempotent anyway.
 */
export const isBulletinTimerEvent = (event: unknown, ctx: Pick<RequestContext, 'openid' | 'visitor'>): boolean =>
  !ctx.openid && !ctx.visitor && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && (event as { TriggerName?: unknown }).TriggerName === BULLETIN_TRIGGER;
