import * as v from 'valibot';
import { isMediaCheckPush, mediaCheckOutcome, MediaCheckEventSchema } from '../../domain/carrier/media-check-event.schema';
import { fail, ok, type ActionResult } from '../../domain/common/result';
import type { Deps } from '../_lib/deps';
import { isStoreError } from '../_lib/store/store-port';
import { applyMediaCheckVerdict } from './carrier-photo';

/**
 * The `admin` function's handler for WeChat's `wxa_media_check` message push (开发设置 → 消息推送 → 云函数 admin).
 * null when the event is no such push (then it is an ordinary action call). A push that does not parse is a
 * typed error and changes nothing; a trace id we never recorded is answered `unknown` and changes nothing;
 * nothing here throws. Trace ids are never sent to any client, so a forged push cannot pass a photo.
 */
export const handleMediaCheckPush = async (deps: Deps, event: unknown): Promise<ActionResult<{ result: 'applied' | 'unknown' }> | null> => {
  if (!isMediaCheckPush(event)) return null;
  const parsed = v.safeParse(MediaCheckEventSchema, event);
  if (!parsed.success) {
    deps.log.error('photo.check_event_invalid', { fields: [...new Set(parsed.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? '(root)'))].slice(0, 5).join(',') });
    return fail('PHOTO.CHECK_EVENT_INVALID');
  }
  try {
    return ok({ result: await applyMediaCheckVerdict(deps, { traceId: parsed.output.trace_id, outcome: mediaCheckOutcome(parsed.output) }) });
  } catch (error) {
    if (isStoreError(error, 'STORE.BUSY')) return fail('STORE.BUSY');
    if (isStoreError(error, 'STORE.UNAVAILABLE')) return fail('STORE.UNAVAILABLE');
    deps.log.error('photo.check_crashed', { error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'non-error thrown' });
    return fail('INTERNAL.UNEXPECTED');
  }
};
