import { useMemo, useState } from 'react';
import { submitEventInquiryContract, type EventInquiry, type EventView } from '../../../../domain/api/event.contracts';
import { privacyNoticeContract } from '../../../../domain/api/lead.contracts';
import { useDraft } from '../../../hooks/use-draft';
import { useOfflineQueue, type OfflineQueueState } from '../../../hooks/use-offline-queue';
import { useResource, type ResourceState } from '../../../hooks/use-resource';
import { call } from '../../../services/api-client';
import { createOfflineQueue, newQueueKey, type OfflineQueue } from '../../../services/offline-queue';
import { useEventList } from '../use-events';
import { emptyEventInquiry, isBlankInquiry, parseEventInquiryValues, parseQueuedInquiry, queueLabel, toEventInquiry, type EventInquiryErrors, type EventInquiryValues } from './event-inquiry-form';

/** One device queue for every event: what waits is sent whichever event page is open. */
let sharedQueue: OfflineQueue<EventInquiry> | null = null;
export const eventInquiryQueue = (): OfflineQueue<EventInquiry> => (sharedQueue ??= createOfflineQueue('event-inquiries', parseQueuedInquiry));

export interface EventModeState {
  status: 'loading' | 'ready' | 'missing' | 'error';
  event: EventView | null;
  notice: ResourceState<{ version: string; title: string; body: string; promiseHours: number }>;
  values: EventInquiryValues;
  setField: (key: keyof EventInquiryValues, value: string) => void;
  errors: EventInquiryErrors;
  consent: boolean;
  toggleConsent: () => void;
  /** Checks the form and queues it (sent at once when there is a network); true when it was queued. */
  save: () => boolean;
  /** «已保存，N 条待发送» after a save, until the next edit. */
  justSaved: boolean;
  queue: OfflineQueueState<EventInquiry>;
  reload: () => void;
}

/** Event mode: the event and its district's notice (both kept on the device), the short form, the send queue. */
export const useEventMode = (eventId: string): EventModeState => {
  const events = useEventList();
  const event = events.data?.items.find((e) => e.id === eventId) ?? null;
  const districtId = events.data?.districtId ?? null;
  const notice = useResource({
    key: `staff:event-notice:${districtId ?? '-'}`,
    fetch: () => (districtId ? call(privacyNoticeContract, { districtId }) : Promise.reject(new Error('no district yet'))),
    cacheSchema: privacyNoticeContract.response,
  });
  const queue = useOfflineQueue(
    useMemo(eventInquiryQueue, []),
    (input) => call(submitEventInquiryContract, input),
  );
  // The form and its key survive a reload; the key is new for every inquiry queued.
  const [fill, setFill, draft] = useDraft(`event-mode:${eventId}`, () => ({ key: newQueueKey(), values: emptyEventInquiry() }), {
    parse: (raw) => {
      const r = raw as { key?: unknown; values?: unknown } | null;
      const values = parseEventInquiryValues(r?.values);
      return values && typeof r?.key === 'string' ? { key: r.key, values } : null;
    },
    isEmpty: (f) => isBlankInquiry(f.values),
  });
  const [errors, setErrors] = useState<EventInquiryErrors>({});
  // Consent is the investor's, per inquiry: never restored, cleared after each save.
  const [consent, setConsent] = useState(false);
  const [justSaved, setJustSaved] = useState(false);

  const status: EventModeState['status'] = events.data ? (event ? 'ready' : 'missing') : events.status === 'error' ? 'error' : 'loading';

  return {
    status,
    event,
    notice,
    values: fill.values,
    setField: (key, value) => {
      setFill((f) => ({ ...f, values: { ...f.values, [key]: value } }));
      setErrors((e) => ({ ...e, [key]: undefined }));
      setJustSaved(false);
    },
    errors,
    consent,
    toggleConsent: () => {
      setConsent((c) => !c);
      setErrors((e) => ({ ...e, consent: undefined }));
    },
    save: () => {
      if (!event || !notice.data) return false;
      const built = toEventInquiry(fill.values, { eventId: event.id, key: fill.key, noticeVersion: notice.data.version }, consent);
      if (!built.ok) {
        setErrors(built.errors);
        return false;
      }
      queue.enqueue({ key: fill.key, input: built.input, label: queueLabel(fill.values) });
      draft.clear();
      setFill({ key: newQueueKey(), values: emptyEventInquiry() });
      setConsent(false);
      setErrors({});
      setJustSaved(true);
      return true;
    },
    justSaved,
    queue,
    reload: () => void events.reload(),
  };
};
