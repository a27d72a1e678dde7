import Taro from '@tarojs/taro';
import { zhInquiryText } from '../../i18n/use-inquiry-text';
import type { InquiryText, Language } from '../../i18n/dictionary';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { submitLeadContract } from '../../../domain/api/lead.contracts';
import { useDraft } from '../../hooks/use-draft';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { entryChannel, isSinglePageMode } from '../../platform/launch-mode';
import { ApiError, call, toApiError } from '../../services/api-client';
import {
  emptyLeadForm,
  fieldErrorsFrom,
  isBlankFill,
  leadFormDraftKey,
  newIdempotencyKey,
  newLeadFill,
  parseLeadFill,
  previewPhone,
  sourceFromEntry,
  storedFill,
  toSubmission,
  validateLeadForm,
  type FieldErrors,
  type LeadFormEntry,
  type LeadFormValues,
  type PhonePreview,
} from './lead-form-fields';
import { useLeadContext, type LeadContext } from './use-lead-context';
import { usePrivacyNotice, type PrivacyNoticeState } from './use-privacy-notice';
import { useReplySubscription, type SubscribeState } from './use-reply-subscription';
import { useWebProof } from './use-web-proof';
import { leadSubmissionQueue, type QueuedSubmission } from './lead-submission-queue';
import { useAfterSubmitMatches } from './use-after-submit-matches';
import type { CarrierMatches } from '../../../domain/api/matching.contracts';

export type { PrivacyNotice } from './use-privacy-notice';
export type { SubscribeState } from './use-reply-subscription';
export type SubmitResult = ResponseOf<typeof submitLeadContract>;

export interface LeadFormState {
  /** `moments`: opened in Moments single-page mode, where WeChat allows no forms. */
  mode: 'moments' | 'form' | 'done';
  /** Whom the inquiry goes to, when it came from a card or a carrier (best effort, never blocks the form). */
  context: LeadContext;
  notice: PrivacyNoticeState;
  values: LeadFormValues;
  setField: <K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]) => void;
  errors: FieldErrors;
  phone: PhonePreview;
  /** Whether the phone field has been left once (errors show after that, not while typing). */
  phoneTouched: boolean;
  touchPhone: () => void;
  consent: boolean;
  toggleConsent: () => void;
  noticeOpen: boolean;
  openNotice: () => void;
  closeNotice: () => void;
  /** Agrees from the notice sheet: ticks the box and closes the sheet. */
  agreeNotice: () => void;
  submitting: boolean;
  /** The last refusal, shown in full (Chinese) above the button. */
  formError: ApiError | null;
  submit: () => Promise<void>;
  result: SubmitResult | null;
  subscription: { available: boolean; state: SubscribeState; request: () => void };
  /** Another inquiry: a new form fill (new idempotency key), keeping who the investor is. */
  startOver: () => void;
  /** This fill was submitted with no network: it waits on the device and goes out by itself when the network is back. */
  queued: boolean;
  /** «可能适合您的载体»: public carriers that fit the need just submitted, top 3 with why (empty: none shown). */
  matches: CarrierMatches['matches'];
}

const scrollToFirstError = (): void => {
  if (typeof Taro.pageScrollTo !== 'function') return;
  // After React has painted the error state.
  setTimeout(() => {
    Taro.pageScrollTo({ selector: '.form-field--error, .consent-check--error', offsetTop: -80, duration: 200 }).catch(() => undefined);
  }, 50);
};

const withoutError = (errors: FieldErrors, field: keyof FieldErrors): FieldErrors => {
  if (!(field in errors)) return errors;
  const next = { ...errors };
  delete next[field];
  return next;
};

/** Consent: asked per inquiry, never restored from a draft; agreeing needs the notice to be there. */
const useConsent = (notice: PrivacyNoticeState, clearError: () => void) => {
  const [consent, setConsent] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);

  const toggleConsent = (): void => {
    if (!consent && !notice.data) {
      // Nothing to agree to yet: show the notice (it loads or explains why it cannot).
      setNoticeOpen(true);
      return;
    }
    setConsent(!consent);
    if (!consent) clearError();
  };

  const agreeNotice = (): void => {
    if (!notice.data) return;
    setConsent(true);
    clearError();
    setNoticeOpen(false);
  };

  return { consent, setConsent, toggleConsent, noticeOpen, setNoticeOpen, agreeNotice };
};

/** State of the inquiry form: values (kept as a device draft), validation, consent, the exactly-once submission. */
export const useLeadForm = (entry: LeadFormEntry, t: InquiryText = zhInquiryText, lang: Language = 'zh'): LeadFormState => {
  const [singlePage] = useState(isSinglePageMode);
  const source = useMemo(
    () => sourceFromEntry(entry, entryChannel()),
    // The entry is the page query: its fields, not the object identity, decide the source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entry.cardId, entry.s, entry.carrierId, entry.channel],
  );
  const { context, districtId } = useLeadContext(source, !singlePage, lang);
  const notice = usePrivacyNotice(districtId);
  const subscription = useReplySubscription();
  // The web needs a proof of work for visitors without WeChat; the mini-program never does.
  const webProof = useWebProof(process.env.TARO_ENV === 'h5' && !singlePage);

  // What was typed, and this fill's idempotency key, survive a reload; Moments mode has no form to keep.
  const [fill, setFill, draft] = useDraft(singlePage ? null : leadFormDraftKey(source), newLeadFill, { parse: parseLeadFill, stored: storedFill, isEmpty: isBlankFill });
  const values = fill.values;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phoneTouched, setPhoneTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [submittedNeed, setSubmittedNeed] = useState<QueuedSubmission['need'] | null>(null);
  const matches = useAfterSubmitMatches(districtId, result ? submittedNeed : null, lang);
  const inFlight = useRef<Promise<void> | null>(null);
  const consent = useConsent(notice, () => setErrors((errs) => withoutError(errs, 'consent')));

  // A submission made offline waits in the device queue with its fill's key and is sent when the network is
  // back — by this page or the next one opened — so the server sees it once (a resend lands on the same lead).
  const fillKey = useRef(fill.key);
  fillKey.current = fill.key;
  const sendQueued = async (queued: QueuedSubmission): Promise<void> => {
    const proof = await webProof.take();
    const answer = await call(submitLeadContract, proof ? { ...queued, proof } : queued);
    if (queued.idempotencyKey === fillKey.current) {
      setErrors({});
      setFormError(null);
      setSubmittedNeed(queued.need);
      setResult(answer);
      draft.clear();
    }
  };
  const queue = useOfflineQueue(
    useMemo(leadSubmissionQueue, []),
    sendQueued,
  );
  const queued = queue.items.some((it) => it.key === fill.key && !it.error);

  const setField = useCallback(
    <K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]): void => {
      setFill((f) => ({ ...f, values: { ...f.values, [key]: value } }));
      // Editing a field clears its own message; the rest stay until the next attempt.
      setErrors((errs) => withoutError(errs, key === 'areaMin' || key === 'areaMax' ? 'area' : (key as keyof FieldErrors)));
    },
    [setFill],
  );

  const submit = (): Promise<void> => {
    // A second tap while the first is on its way is the same submission.
    if (inFlight.current) return inFlight.current;
    // Already waiting for the network: try sending it now rather than making a second one.
    if (queued) return queue.flush();
    const found = validateLeadForm(values, consent.consent, t);
    setPhoneTouched(true);
    if (Object.keys(found).length) {
      setErrors(found);
      setFormError(null);
      scrollToFirstError();
      return Promise.resolve();
    }
    if (!notice.data) {
      setFormError(notice.error ?? new ApiError('NETWORK.FAILED'));
      void notice.reload();
      return Promise.resolve();
    }
    const input = toSubmission(values, source, fill.key, notice.data.version, lang);
    const run = async (): Promise<void> => {
      setSubmitting(true);
      setFormError(null);
      try {
        const proof = await webProof.take();
        const answer = await call(submitLeadContract, proof ? { ...input, proof } : input);
        setErrors({});
        setSubmittedNeed(input.need);
        setResult(answer);
        draft.clear();
      } catch (e) {
        const error = toApiError(e);
        if (error.code === 'NETWORK.FAILED' && !singlePage) {
          queue.enqueue({ key: input.idempotencyKey, input, label: input.contact.name });
          setFormError(new ApiError('NETWORK.FAILED', '网络已断开：您的咨询已保存在本机，联网后会自动发送，不会重复提交。'));
          return;
        }
        setFormError(error);
        setErrors(fieldErrorsFrom(error, t));
        if (error.code === 'LEAD.CONSENT_REQUIRED') {
          // The notice changed since it was shown: read the new one and agree again.
          consent.setConsent(false);
          void notice.reload();
        }
      } finally {
        setSubmitting(false);
        inFlight.current = null;
      }
    };
    inFlight.current = run();
    return inFlight.current;
  };

  const startOver = (): void => {
    setFill((f) => ({
      key: newIdempotencyKey(),
      values: { ...emptyLeadForm(), name: f.values.name, company: f.values.company, phone: f.values.phone, email: f.values.email, wechatId: f.values.wechatId },
    }));
    setErrors({});
    setFormError(null);
    // Consent is given per inquiry.
    consent.setConsent(false);
    setResult(null);
    subscription.reset();
  };

  return {
    mode: singlePage ? 'moments' : result ? 'done' : 'form',
    context,
    notice,
    values,
    setField,
    errors,
    phone: previewPhone(values.phone),
    phoneTouched,
    touchPhone: () => setPhoneTouched(true),
    consent: consent.consent,
    toggleConsent: consent.toggleConsent,
    noticeOpen: consent.noticeOpen,
    openNotice: () => consent.setNoticeOpen(true),
    closeNotice: () => consent.setNoticeOpen(false),
    agreeNotice: consent.agreeNotice,
    submitting,
    formError,
    submit,
    result,
    subscription: { available: subscription.available, state: subscription.state, request: subscription.request },
    startOver,
    queued,
    matches,
  };
};
