import * as v from 'valibot';

/**
 * WeChat's `wxa_media_check` message push: the verdict of a `security.mediaCheckAsync` (version 2) request,
 * matched to it by `trace_id`. As documented and as seen in the wild:
 * `{ ToUserName, FromUserName, CreateTime, MsgType: 'event', Event: 'wxa_media_check', appid, trace_id,
 *    version: 2, errcode, errmsg, result: { suggest: 'pass'|'review'|'risky', label }, detail: [{ strategy,
 *    errcode, suggest, label, prob }] }`.
 * A check WeChat could not run (e.g. errcode 43104 «this appid does not have permission») comes with errcode ≠ 0,
 * an empty `detail` and no `result`. Extra fields are allowed (WeChat adds some); the ones read are strict.
 */
export const MEDIA_CHECK_EVENT = 'wxa_media_check';
export const MEDIA_CHECK_SUGGESTIONS = ['pass', 'review', 'risky'] as const;

export const MediaCheckEventSchema = v.looseObject({
  Event: v.literal(MEDIA_CHECK_EVENT),
  trace_id: v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\w-]+$/)),
  // Documented as a number; the push has been seen carrying "2".
  version: v.optional(v.union([v.literal(2), v.literal('2')])),
  errcode: v.optional(v.pipe(v.number(), v.integer())),
  errmsg: v.optional(v.pipe(v.string(), v.maxLength(500))),
  result: v.optional(v.looseObject({ suggest: v.picklist(MEDIA_CHECK_SUGGESTIONS), label: v.optional(v.pipe(v.number(), v.integer())) })),
  detail: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(50))),
});
export type MediaCheckEvent = v.InferOutput<typeof MediaCheckEventSchema>;

/**
 * What a verdict means for the photo: `pass` shows it; `risky` and `review` (WeChat suggests a person look at it,
 * and nobody in the district office can) keep it from investors and remove it; `failed` (the check did not run)
 * keeps it from investors too — unchecked content is never public — and says to upload again.
 */
export type MediaCheckOutcome = 'pass' | 'review' | 'risky' | 'failed';

export const mediaCheckOutcome = (event: MediaCheckEvent): MediaCheckOutcome => {
  if ((event.errcode ?? 0) !== 0 || !event.result) return 'failed';
  return event.result.suggest;
};

/** Whether a function's event is a media-check push at all (then it must parse, or it is refused as malformed). */
export const isMediaCheckPush = (event: unknown): boolean =>
  typeof event === 'object' && event !== null && !Array.isArray(event) && (event as { Event?: unknown }).Event === MEDIA_CHECK_EVENT;
