import { Input, Text, Textarea, View } from '@tarojs/components';
import { inquiryTextOf, useInquiryText } from '../../i18n/use-inquiry-text';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { CarrierMatchList } from '../../components/carrier-match-list';
import { ContentText } from '../../components/chinese-mark';
import { ConsentCheck } from '../../components/consent-check';
import { FormField } from '../../components/form-field';
import { FullModeHint } from '../../components/full-mode-hint';
import { PickerField } from '../../components/picker-field';
import { PrivacyNoticeSheet } from '../../components/privacy-notice-sheet';
import { formatClaimCode } from '../../../domain/lead/web-challenge.rules';
import { formatDateTime } from '../../format/date-time';
import { usePageParams } from '../../hooks/use-page-params';
import { backToCard } from '../../hooks/use-session';
import { openPage, ROUTES } from '../../routes';
import { carrierTypeOptions, MESSAGE_MAX, scaleOptions, timingOptions, type LeadFormEntry } from './lead-form-fields';
import type { InquiryText, Language } from '../../i18n/dictionary';
import { TextProvider, useLanguage } from '../../i18n/text-context';
import { usePageLanguage } from '../../i18n/use-page-language';
import { usePageTitle } from '../../i18n/use-page-title';
import { useLeadForm, type LeadFormState } from './use-lead-form';
import { controlLabel, PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const pickEntry = (params: Partial<Record<string, string>>): LeadFormEntry => ({
  cardId: params.cardId,
  s: params.s,
  carrierId: params.carrierId,
  channel: params.channel,
});

/** The promise in words, and in working days when it is whole days («1 个工作日»). */
const promiseOf = (t: InquiryText, hours: number): string => t.promiseText(hours);
const workingDaysOf = (t: InquiryText, hours: number): string | null => (hours >= 8 && hours % 8 === 0 ? t.workingDaysText(hours / 8) : null);

const openMyLeads = (cardId?: string): void => {
  // The form is done: 我的咨询 takes its place, so "back" returns to the card.
  openPage(ROUTES.myLeads, { cardId }, 'redirect');
};

function MomentsNotice() {
  const t = useInquiryText();
  return (
    <View className="lead-form lead-form--moments" data-testid="lead-form-moments" role="main">
      <View className="lead-form__moments-card">
        <Text {...PAGE_HEADING} className="lead-form__moments-title">{t.leadMomentsTitle}</Text>
        <Text className="lead-form__moments-text">
          {t.leadMomentsText}
        </Text>
      </View>
      <FullModeHint message={t.leadMomentsHint} />
    </View>
  );
}

function Confirmation({ form, cardId }: { form: LeadFormState; cardId?: string }) {
  const t = useInquiryText();
  const lang: Language = useLanguage();
  const { result, subscription } = form;
  useEffect(() => {
    // The form was scrolled to its button: the confirmation starts at the top.
    if (typeof Taro.pageScrollTo === 'function') Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  if (!result) return null;
  const days = workingDaysOf(t, result.promiseHours);
  return (
    <View className="lead-form lead-form--done" data-testid="lead-confirmation" role="main">
      <View className="lead-form__done-card">
        <View className="lead-form__done-icon">
          <Text className="lead-form__done-tick" aria-hidden="true">
            ✓
          </Text>
        </View>
        <Text {...PAGE_HEADING} className="lead-form__done-title">{result.duplicate ? t.doneDuplicateTitle : t.doneTitle}</Text>
        <Text className="lead-form__done-promise" data-testid="promise">
          {promiseOf(t, result.promiseHours)}
        </Text>
        <Text className="lead-form__done-due" data-testid="promise-due">
          {t.doneDue(days, formatDateTime(result.firstResponseDueAt, new Date(), lang))}
        </Text>
        {result.duplicate ? <Text className="lead-form__done-note">{t.doneDuplicateNote}</Text> : null}
        {result.claimCode ? (
          <View className="lead-form__claim" data-testid="claim-box">
            <Text className="lead-form__claim-label">{t.claimLabel}</Text>
            <Text className="lead-form__claim-code" data-testid="claim-code">
              {formatClaimCode(result.claimCode)}
            </Text>
            <Text className="lead-form__claim-note">{t.claimNote}</Text>
          </View>
        ) : null}
        <Text className="lead-form__done-note">{t.doneMyLeadsNote}</Text>

        {form.matches.length ? (
          <View className="lead-form__matches" data-testid="after-submit-matches">
            <Text className="lead-form__matches-title">{t.matchesTitle}</Text>
            <CarrierMatchList matches={form.matches} nearMisses={[]} onOpen={(carrierId) => openPage(ROUTES.carrierDetail, { carrierId })} />
          </View>
        ) : null}

        {subscription.available ? (
          <View className="lead-form__subscribe">
            {subscription.state === 'accepted' ? (
              <Text className="lead-form__subscribe-ok" data-testid="subscribe-done">
                {t.subscribed}
              </Text>
            ) : (
              <ActionButton text={t.subscribe} block loading={subscription.state === 'pending'} onClick={subscription.request} testId="subscribe-reply" />
            )}
            {subscription.state === 'rejected' || subscription.state === 'failed' ? (
              <Text className="lead-form__subscribe-note">{t.subscribeDeclined}</Text>
            ) : null}
          </View>
        ) : null}

        <View className="lead-form__done-actions">
          <ActionButton text={t.openMyLeads} block tone={subscription.available ? 'secondary' : 'primary'} onClick={() => openMyLeads(cardId)} testId="open-my-leads" />
          <View className="lead-form__done-gap" />
          <ActionButton text={t.backToCard} block tone="plain" onClick={() => backToCard(cardId)} testId="back-to-card" />
        </View>
        <Text className="lead-form__again" data-testid="start-over" onClick={form.startOver} {...tappable()}>
          {t.startOver}
        </Text>
      </View>
    </View>
  );
}

export default function LeadFormPage() {
  const params = usePageParams();
  const entry = pickEntry(params);
  const language = usePageLanguage(params.lang);
  const t = inquiryTextOf(language);
  const form = useLeadForm(entry, t, language.contentLang);
  const { values, setField, errors, phone, notice, context } = form;
  usePageTitle(language.lang, t.leadFormTitle);

  if (form.mode === 'moments') return <TextProvider value={language}><MomentsNotice /></TextProvider>;
  if (form.mode === 'done') return <TextProvider value={language}><Confirmation form={form} cardId={context.card?.cardId ?? entry.cardId} /></TextProvider>;

  const person = context.card ? (context.card.contact ?? context.card.owner) : null;
  const industries = context.card?.district.keyIndustries.slice(0, 6) ?? [];
  const noticeTitle = notice.data?.title ?? t.noticeTitleFallback;
  const phoneError = errors.phone ?? (form.phoneTouched && phone.state === 'invalid' ? t.phoneInvalid : undefined);
  const isH5 = process.env.TARO_ENV === 'h5';

  return (
    <TextProvider value={language}>
    <View className="lead-form" data-testid="lead-form" role="main">
      <View className="lead-form__hero">
        <Text {...PAGE_HEADING} className="lead-form__hero-title">{t.leadFormTitle}</Text>
        {person ? (
          <Text className="lead-form__hero-to" data-testid="lead-form-recipient">
            {t.leadRecipient(person.name, person.title)}
          </Text>
        ) : (
          <Text className="lead-form__hero-to">{t.leadRecipientNone}</Text>
        )}
        {context.carrier ? (
          <View className="lead-form__hero-carrier" data-testid="lead-form-carrier">
            <Text>{t.leadCarrier}</Text>
            <ContentText text={context.carrier.name} zh={context.carrier.zh} />
          </View>
        ) : null}
        {isH5 ? (
          <Text className="lead-form__hero-web" data-testid="web-note">
            {t.leadWebNote}
          </Text>
        ) : null}
        {notice.data ? (
          <Text key="promise" className="lead-form__hero-promise">
            {promiseOf(t, notice.data.promiseHours)}
            {workingDaysOf(t, notice.data.promiseHours) ? t.leadPromiseDays(workingDaysOf(t, notice.data.promiseHours) as string) : ''}
          </Text>
        ) : notice.status === 'loading' ? (
          // The promise's line is kept while the district's notice loads, so the form below does not jump when it comes
          // (#12). Its own key: the promise replaces it rather than inheriting its aria-hidden as an empty value.
          <Text key="promise-pending" className="lead-form__hero-promise lead-form__hero-promise--pending" aria-hidden="true" data-testid="promise-pending">
            {'\u00a0'}
          </Text>
        ) : null}
      </View>

      <View className="lead-form__section lead-form__section--lifted">
        <Text className="lead-form__section-title">{t.leadContactSection}</Text>
        <FormField label={t.leadName} required error={errors.name} testId="field-name">
          <Input className="form-field__input" value={values.name} maxlength={20} placeholder={t.leadNamePlaceholder} onInput={(e) => setField('name', e.detail.value)} {...controlLabel(t.leadNameLabel)} />
        </FormField>
        <FormField label={t.leadCompany} error={errors.company} testId="field-company">
          <Input className="form-field__input" value={values.company} maxlength={60} placeholder={t.leadCompanyPlaceholder} onInput={(e) => setField('company', e.detail.value)} {...controlLabel(t.leadCompanyLabel)} />
        </FormField>
        <FormField
          label={t.leadPhone}
          required={!values.email.trim() && !values.wechatId.trim()}
          error={phoneError}
          testId="field-phone"
          hint={
            phone.state === 'valid' ? (
              <Text className="lead-form__phone-ok" data-testid="phone-preview">
                {t.leadPhoneSaved(phone.normalized)}
              </Text>
            ) : (
              <Text>{t.leadPhoneHint}</Text>
            )
          }
        >
          <Input
            className="form-field__input"
            value={values.phone}
            maxlength={32}
            placeholder={t.leadPhonePlaceholder}
            onInput={(e) => setField('phone', e.detail.value)}
            onBlur={form.touchPhone}
            {...controlLabel(t.leadPhoneLabel)}
          />
        </FormField>
        <FormField label={t.leadEmail} error={errors.email} testId="field-email">
          <Input className="form-field__input" value={values.email} maxlength={80} placeholder="name@company.com" onInput={(e) => setField('email', e.detail.value)} {...controlLabel(t.leadEmailLabel)} />
        </FormField>
        <FormField label={t.leadWechat} error={errors.wechatId} testId="field-wechat">
          <Input className="form-field__input" value={values.wechatId} maxlength={40} placeholder={t.leadWechatPlaceholder} onInput={(e) => setField('wechatId', e.detail.value)} {...controlLabel(t.leadWechatLabel)} />
        </FormField>
      </View>

      <View className="lead-form__section">
        <Text className="lead-form__section-title">{t.leadNeedSection}</Text>
        <FormField
          label={t.leadIndustry}
          required
          error={errors.industry}
          testId="field-industry"
          hint={
            industries.length ? (
              <View className="lead-form__chips">
                {industries.map((name) => (
                  <Text
                    key={name}
                    className={values.industry === name ? 'lead-form__chip lead-form__chip--on' : 'lead-form__chip'}
                    onClick={() => setField('industry', name)}
                    aria-checked={values.industry === name ? 'true' : 'false'}
                    {...tappable({ role: 'radio' })}
                  >
                    {name}
                  </Text>
                ))}
              </View>
            ) : undefined
          }
        >
          <Input className="form-field__input" value={values.industry} maxlength={20} placeholder={t.leadIndustryPlaceholder} onInput={(e) => setField('industry', e.detail.value)} {...controlLabel(t.leadIndustryLabel)} />
        </FormField>
        <FormField label={t.leadScale} required error={errors.scale} testId="field-scale">
          <PickerField options={scaleOptions(t)} value={values.scale} placeholder={t.leadScalePlaceholder} onChange={(v) => setField('scale', v)} testId="scale-picker" />
        </FormField>
        <FormField label={t.leadCarrierType} error={errors.carrierType} testId="field-carrier-type">
          <PickerField
            options={carrierTypeOptions(t)}
            value={values.carrierType}
            placeholder={t.leadCarrierTypePlaceholder}
            onChange={(v) => setField('carrierType', v)}
            onClear={() => setField('carrierType', '')}
            testId="carrier-type-picker"
          />
        </FormField>
        <FormField label={t.leadArea} error={errors.area} testId="field-area">
          <View className="lead-form__range">
            <Input className="form-field__input" type="digit" value={values.areaMin} maxlength={9} placeholder={t.filterMin} onInput={(e) => setField('areaMin', e.detail.value)} {...controlLabel(t.leadAreaMinLabel)} />
            <Text className="lead-form__range-sep">—</Text>
            <Input className="form-field__input" type="digit" value={values.areaMax} maxlength={9} placeholder={t.filterMax} onInput={(e) => setField('areaMax', e.detail.value)} {...controlLabel(t.leadAreaMaxLabel)} />
          </View>
        </FormField>
        <FormField label={t.leadTiming} error={errors.timing} testId="field-timing">
          <PickerField
            options={timingOptions(t)}
            value={values.timing}
            placeholder={t.leadTimingPlaceholder}
            onChange={(v) => setField('timing', v)}
            onClear={() => setField('timing', '')}
            testId="timing-picker"
          />
        </FormField>
        <FormField
          label={t.leadMessage}
          error={errors.message}
          testId="field-message"
          hint={
            <Text className="lead-form__counter">
              {values.message.length}/{MESSAGE_MAX}
            </Text>
          }
        >
          {form.noticeOpen && !isH5 ? (
            // WeChat draws a textarea above everything else: while a sheet is open the text is shown, not edited.
            <View className="form-field__textarea">
              <Text className={values.message ? '' : 'form-field__placeholder'}>{values.message || t.leadMessagePlaceholder}</Text>
            </View>
          ) : (
            <Textarea
              className="form-field__textarea"
              value={values.message}
              maxlength={MESSAGE_MAX}
              placeholder={t.leadMessagePlaceholder}
              onInput={(e) => setField('message', e.detail.value)}
              {...controlLabel(t.leadMessageLabel)}
            />
          )}
        </FormField>
      </View>

      {/* Honeypot: out of sight, out of the tab order, hidden from screen readers; people never fill it. */}
      <View className="lead-form__hp" aria-hidden="true" data-testid="honeypot">
        {isH5 ? (
          <input name="website" type="text" tabIndex={-1} autoComplete="off" value={values.website} onChange={(e) => setField('website', e.target.value)} />
        ) : (
          <Input name="website" value={values.website} onInput={(e) => setField('website', e.detail.value)} />
        )}
      </View>

      <View className="lead-form__section lead-form__section--consent">
        <ConsentCheck checked={form.consent} noticeTitle={noticeTitle} onToggle={form.toggleConsent} onOpenNotice={form.openNotice} error={errors.consent} />
      </View>

      <View className="lead-form__submit">
        {form.formError ? (
          <Text className="lead-form__error" aria-live="polite" data-testid="form-error">
            {t.errorMessage(form.formError.code, form.formError.message)}
          </Text>
        ) : form.queued ? (
          <Text className="lead-form__error" aria-live="polite" data-testid="form-queued">
            您的咨询已保存在本机，联网后会自动发送，不会重复提交。
          </Text>
        ) : null}
        <ActionButton text={t.leadSubmit} block muted={!form.consent} loading={form.submitting} onClick={() => void form.submit()} testId="submit-lead" />
        {!form.consent ? (
          <Text className="lead-form__submit-hint" data-testid="consent-hint">
            {t.leadConsentHint(noticeTitle)}
          </Text>
        ) : (
          <Text className="lead-form__submit-hint">{t.leadSubmitHint}</Text>
        )}
      </View>

      <PrivacyNoticeSheet
        open={form.noticeOpen && notice.status === 'ready'}
        title={noticeTitle}
        body={notice.data?.body ?? ''}
        version={notice.data?.version ?? ''}
        onAgree={form.agreeNotice}
        onClose={form.closeNotice}
      />
      <BottomSheet open={form.noticeOpen && notice.status !== 'ready'} title={noticeTitle} onClose={form.closeNotice} testId="notice-status">
        <View className="lead-form__notice-status">
          <Text className="lead-form__notice-status-text">{notice.status === 'loading' ? t.loadingMore : notice.error ? t.errorMessage(notice.error.code, notice.error.message) : ''}</Text>
          {notice.status === 'error' ? <ActionButton text={t.retry} size="md" tone="secondary" onClick={() => void notice.reload()} /> : null}
        </View>
      </BottomSheet>
    </View>
    </TextProvider>
  );
}
