import type { RequestContext } from '../_lib/request-context';

export const BULLETIN_TRIGGER = 'monthly-bulletin';
/** Where a bulletin's message opens: the bulletins page of the reports subpackage. */
export const BULLETINS_PAGE = 'reports/bulletins/index';

/** The message leaders get when a bulletin is ready (a district's or a city's): which month, its two figures. */
export const bulletinReadyMessage = (b: { label: string; inquiries: number; confirmedSigned: number }) => ({
  kind: 'bulletin_ready' as const,
  page: BULLETINS_PAGE,
  fields: { thing1: `${b.label}招商通报`.slice(0, 20), thing2: `咨询${b.inquiries}条 签约${b.confirmedSigned}个`.slice(0, 20) },
});

/**
 * WeChat runs a timer trigger with `{ Type: 'Timer', TriggerName }` and no caller. A client's call always has one
 * (the invoke rule is `auth != null`), so a body shaped like a timer event from a person is an ordinary, refused
 * action call — and making bulletins is idempotent anyway.
 */
export const isBulletinTimerEvent = (event: unknown, ctx: Pick<RequestContext, 'openid' | 'visitor'>): boolean =>
  !ctx.openid && !ctx.visitor && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer' && (event as { TriggerName?: unknown }).TriggerName === BULLETIN_TRIGGER;
