import Taro from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ResponseOf } from '../../../domain/api/contract';
import { privacyNoticeContract, submitLeadContract } from '../../../domain/api/lead.contracts';
import { getCardContract, getCarrierContract } from '../../../domain/api/public-read.contracts';
import type { CardView } from '../../../domain/api/views.schema';
import { ApiError, call, isApiError } from '../../services/api-client';
import { entryChannel, isSinglePageMode } from '../../platform/launch-mode';
import {
  emptyLeadForm,
  fieldErrorsFrom,
  leadReplyTemplateIds,
  newIdempotencyKey,
  previewPhone,
  sourceFromEntry,
  toSubmission,
  validateLeadForm,
  type FieldErrors,
  type LeadFormEntry,
  type LeadFormValues,
  type PhonePreview,
} from './lead-form-fields';

export type PrivacyNotice = ResponseOf<typeof privacyNoticeContract>;
export type SubmitResult = ResponseOf<typeof submitLeadContract>;
export type SubscribeState = 'idle' | 'pending' | 'accepted' | 'rejected' | 'failed';

export interface LeadFormState {
  /** `moments`: opened in Moments single-page mode, where WeChat allows no forms. */
  mode: 'moments' | 'form' | 'done';
  /** Whom the inquiry goes to, when it came from a card or a carrier (best effort, never blocks the form). */
  context: { card: CardView | null; carrierName: string | null };
  notice: { status: 'loading' | 'ready' | 'error'; data: PrivacyNotice | null; error: ApiError | null; reload: () => Promise<void> };
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
}

const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL.UNEXPECTED'));

const scrollToFirstError = (): void => {
  if (typeof Taro.pageScrollTo !== 'function') return;
  // After React has painted the error state.
  setTimeout(() => {
    Taro.pageScrollTo({ selector: '.form-field--error, .consent-check--error', offsetTop: -80, duration: 200 }).catch(() => undefined);
  }, 50);
};

/** State of the inquiry form: values, validation, consent, the exactly-once submission, and the confirmation. */
export const useLeadForm = (entry: LeadFormEntry): LeadFormState => {
  const [singlePage] = useState(isSinglePageMode);
  const source = useMemo(
    () => sourceFromEntry(entry, entryChannel()),
    // The entry is the page query: its fields, not the object identity, decide the source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entry.cardId, entry.s, entry.carrierId, entry.channel],
  );

  const [context, setContext] = useState<LeadFormState['context']>({ card: null, carrierName: null });
  const [districtId, setDistrictId] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<Omit<LeadFormState['notice'], 'reload'>>({ status: 'loading', data: null, error: null });
  const [values, setValues] = useState<LeadFormValues>(emptyLeadForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phoneTouched, setPhoneTouched] = useState(false);
  const [consent, setConsent] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [subscribeState, setSubscribeState] = useState<SubscribeState>('idle');

  const idempotencyKey = useRef<string>('');
  if (!idempotencyKey.current) idempotencyKey.current = newIdempotencyKey();
  const inFlight = useRef<Promise<void> | null>(null);

  // Who the inquiry goes to: the card (and its district) or the carrier. A failure leaves the form usable.
  useEffect(() => {
    if (singlePage) return;
    let alive = true;
    const load = async (): Promise<void> => {
      let card: CardView | null = null;
      let carrierName: string | null = null;
      let district: string | null = null;
      if (source.cardId || source.shareCode) {
        try {
          card = await call(getCardContract, { ...(source.cardId ? { cardId: source.cardId } : {}), ...(source.shareCode ? { shareCode: source.shareCode } : {}) });
          district = card.district.id;
        } catch {
          card = null;
        }
      }
      if (source.carrierId) {
        try {
          const carrier = await call(getCarrierContract, { carrierId: source.carrierId });
          carrierName = carrier.name;
          district ??= carrier.districtId;
        } catch {
          carrierName = null;
        }
      }
      if (!alive) return;
      setContext({ card, carrierName });
      setDistrictId(district);
    };
    void load();
    return () => {
      alive = false;
    };
  }, [singlePage, source]);

  const loadNotice = useCallback(async (): Promise<void> => {
    if (districtId === undefined) return;
    setNotice((n) => ({ ...n, status: n.data ? 'ready' : 'loading', error: null }));
    try {
      const data = await call(privacyNoticeContract, districtId ? { districtId } : {});
      setNotice({ status: 'ready', data, error: null });
    } catch (e) {
      setNotice({ status: 'error', data: null, error: toApiError(e) });
    }
  }, [districtId]);

  useEffect(() => {
    void loadNotice();
  }, [loadNotice]);

  const setField = useCallback(<K extends keyof LeadFormValues>(key: K, value: LeadFormValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    // Editing a field clears its own message; the rest stay until the next attempt.
    const field = key === 'areaMin' || key === 'areaMax' ? 'area' : key;
    setErrors((errs) => {
      if (!(field in errs)) return errs;
      const next = { ...errs };
      delete next[field as keyof FieldErrors];
      return next;
    });
  }, []);

  const clearConsentError = (): void =>
    setErrors((errs) => {
      if (!errs.consent) return errs;
      const next = { ...errs };
      delete next.consent;
      return next;
    });

  const toggleConsent = (): void => {
    if (!consent && !notice.data) {
      // Nothing to agree to yet: show the notice (it loads or explains why it cannot).
      setNoticeOpen(true);
      return;
    }
    setConsent(!consent);
    if (!consent) clearConsentError();
  };

  const agreeNotice = (): void => {
    if (!notice.data) return;
    setConsent(true);
    clearConsentError();
    setNoticeOpen(false);
  };

  const submit = (): Promise<void> => {
    // A second tap while the first is on its way is the same submission.
    if (inFlight.current) return inFlight.current;
    const found = validateLeadForm(values, consent);
    setPhoneTouched(true);
    if (Object.keys(found).length) {
      setErrors(found);
      setFormError(null);
      scrollToFirstError();
      return Promise.resolve();
    }
    if (!notice.data) {
      setFormError(notice.error ?? new ApiError('NETWORK.FAILED'));
      void loadNotice();
      return Promise.resolve();
    }
    const input = toSubmission(values, source, idempotencyKey.current, notice.data.version);
    const run = async (): Promise<void> => {
      setSubmitting(true);
      setFormError(null);
      try {
        const answer = await call(submitLeadContract, input);
        setErrors({});
        setResult(answer);
      } catch (e) {
        const error = toApiError(e);
        setFormError(error);
        setErrors(fieldErrorsFrom(error));
        if (error.code === 'LEAD.CONSENT_REQUIRED') {
          // The notice changed since it was shown: read the new one and agree again.
          setConsent(false);
          void loadNotice();
        }
      } finally {
        setSubmitting(false);
        inFlight.current = null;
      }
    };
    inFlight.current = run();
    return inFlight.current;
  };

  const templateIds = useMemo(leadReplyTemplateIds, []);
  const subscriptionAvailable = process.env.TARO_ENV === 'weapp' && templateIds.length > 0;

  /** Must run straight from the tap: WeChat only opens the subscription dialog inside a user gesture. */
  const requestSubscribe = (): void => {
    if (!subscriptionAvailable || subscribeState === 'pending') return;
    setSubscribeState('pending');
    // Taro's typing wants Alipay's `entityIds` too; WeChat takes `tmplIds` only.
    const option = { tmplIds: templateIds } as unknown as Taro.requestSubscribeMessage.Option;
    Taro.requestSubscribeMessage(option)
      .then((res) => {
        const answers = res as unknown as Record<string, unknown>;
        setSubscribeState(templateIds.some((id) => answers[id] === 'accept') ? 'accepted' : 'rejected');
      })
      .catch(() => setSubscribeState('failed'));
  };

  const startOver = (): void => {
    idempotencyKey.current = newIdempotencyKey();
    setValues((v) => ({ ...emptyLeadForm(), name: v.name, company: v.company, phone: v.phone, email: v.email, wechatId: v.wechatId }));
    setErrors({});
    setFormError(null);
    // Consent is given per inquiry.
    setConsent(false);
    setResult(null);
    setSubscribeState('idle');
  };

  return {
    mode: singlePage ? 'moments' : result ? 'done' : 'form',
    context,
    notice: { ...notice, reload: loadNotice },
    values,
    setField,
    errors,
    phone: previewPhone(values.phone),
    phoneTouched,
    touchPhone: () => setPhoneTouched(true),
    consent,
    toggleConsent,
    noticeOpen,
    openNotice: () => setNoticeOpen(true),
    closeNotice: () => setNoticeOpen(false),
    agreeNotice,
    submitting,
    formError,
    submit,
    result,
    subscription: { available: subscriptionAvailable, state: subscribeState, request: requestSubscribe },
    startOver,
  };
};
