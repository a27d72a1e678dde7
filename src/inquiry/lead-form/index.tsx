import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { CarrierMatchList } from '../../components/carrier-match-list';
import { ConsentCheck } from '../../components/consent-check';
import { FormField } from '../../components/form-field';
import { FullModeHint } from '../../components/full-mode-hint';
import { PickerField } from '../../components/picker-field';
import { PrivacyNoticeSheet } from '../../components/privacy-notice-sheet';
import { promiseText, workingDays } from '../../components/promise-note';
import { formatClaimCode } from '../../../domain/lead/web-challenge.rules';
import { formatDateTime } from '../../format/date-time';
import { backToCard } from '../../hooks/use-session';
import { openPage, ROUTES } from '../../routes';
import { CARRIER_TYPE_OPTIONS, MESSAGE_MAX, PHONE_INVALID_MESSAGE, SCALE_OPTIONS, TIMING_OPTIONS, type LeadFormEntry } from './lead-form-fields';
import { useLeadForm, type LeadFormState } from './use-lead-form';
import { controlLabel, PAGE_HEADING, tappable } from '../../components/a11y';
import './index.css';

const pickEntry = (params: Partial<Record<string, string>>): LeadFormEntry => ({
  cardId: params.cardId,
  s: params.s,
  carrierId: params.carrierId,
  channel: params.channel,
});

const MESSAGE_PLACEHOLDER = '项目情况、希望了解的政策或其他需求';

const openMyLeads = (cardId?: string): void => {
  // The form is done: 我的咨询 takes its place, so "back" returns to the card.
  openPage(ROUTES.myLeads, { cardId }, 'redirect');
};

function MomentsNotice() {
  return (
    <View className="lead-form lead-form--moments" data-testid="lead-form-moments" role="main">
      <View className="lead-form__moments-card">
        <Text {...PAGE_HEADING} className="lead-form__moments-title">请在小程序中留言咨询</Text>
        <Text className="lead-form__moments-text">
          从朋友圈打开的页面为预览模式，微信不允许在此填写表单。点击屏幕下方「前往小程序」，即可留言咨询，专员会按承诺时限回复您。
        </Text>
      </View>
      <FullModeHint message="点击下方「前往小程序」留言咨询" />
    </View>
  );
}

function Confirmation({ form, cardId }: { form: LeadFormState; cardId?: string }) {
  const { result, subscription } = form;
  useEffect(() => {
    // The form was scrolled to its button: the confirmation starts at the top.
    if (typeof Taro.pageScrollTo === 'function') Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  if (!result) return null;
  const days = workingDays(result.promiseHours);
  return (
    <View className="lead-form lead-form--done" data-testid="lead-confirmation" role="main">
      <View className="lead-form__done-card">
        <View className="lead-form__done-icon">
          <Text className="lead-form__done-tick" aria-hidden="true">
            ✓
          </Text>
        </View>
        <Text {...PAGE_HEADING} className="lead-form__done-title">{result.duplicate ? '这条咨询已提交过' : '咨询已提交'}</Text>
        <Text className="lead-form__done-promise" data-testid="promise">
          {promiseText(result.promiseHours)}
        </Text>
        <Text className="lead-form__done-due" data-testid="promise-due">
          {days ? `即 ${days}，` : ''}最晚 {formatDateTime(result.firstResponseDueAt)} 前由专员联系您
        </Text>
        {result.duplicate ? <Text className="lead-form__done-note">我们已收到这条咨询，无需重复提交。</Text> : null}
        {result.claimCode ? (
          <View className="lead-form__claim" data-testid="claim-box">
            <Text className="lead-form__claim-label">认领码（请记下或截图保存）</Text>
            <Text className="lead-form__claim-code" data-testid="claim-code">
              {formatClaimCode(result.claimCode)}
            </Text>
            <Text className="lead-form__claim-note">在本浏览器可随时打开「我的咨询」查看进度；在微信中打开小程序「我的咨询」输入认领码，即可在微信里跟进这条咨询并接收回复。</Text>
          </View>
        ) : null}
        <Text className="lead-form__done-note">专员的回复和办理进度可在「我的咨询」中查看。</Text>

        {form.matches.length ? (
          <View className="lead-form__matches" data-testid="after-submit-matches">
            <Text className="lead-form__matches-title">可能适合您的载体</Text>
            <CarrierMatchList matches={form.matches} nearMisses={[]} onOpen={(carrierId) => openPage(ROUTES.carrierDetail, { carrierId })} />
          </View>
        ) : null}

        {subscription.available ? (
          <View className="lead-form__subscribe">
            {subscription.state === 'accepted' ? (
              <Text className="lead-form__subscribe-ok" data-testid="subscribe-done">
                已订阅，专员回复后将通过微信通知您
              </Text>
            ) : (
              <ActionButton text="订阅回复通知" block loading={subscription.state === 'pending'} onClick={subscription.request} testId="subscribe-reply" />
            )}
            {subscription.state === 'rejected' || subscription.state === 'failed' ? (
              <Text className="lead-form__subscribe-note">未开启通知，您仍可随时在「我的咨询」查看回复</Text>
            ) : null}
          </View>
        ) : null}

        <View className="lead-form__done-actions">
          <ActionButton text="查看我的咨询" block tone={subscription.available ? 'secondary' : 'primary'} onClick={() => openMyLeads(cardId)} testId="open-my-leads" />
          <View className="lead-form__done-gap" />
          <ActionButton text="返回名片" block tone="plain" onClick={() => backToCard(cardId)} testId="back-to-card" />
        </View>
        <Text className="lead-form__again" data-testid="start-over" onClick={form.startOver} {...tappable()}>
          再提交一条咨询
        </Text>
      </View>
    </View>
  );
}

export default function LeadFormPage() {
  const { params } = useRouter();
  const entry = pickEntry(params);
  const form = useLeadForm(entry);
  const { values, setField, errors, phone, notice, context } = form;

  if (form.mode === 'moments') return <MomentsNotice />;
  if (form.mode === 'done') return <Confirmation form={form} cardId={context.card?.cardId ?? entry.cardId} />;

  const person = context.card ? (context.card.contact ?? context.card.owner) : null;
  const industries = context.card?.district.keyIndustries.slice(0, 6) ?? [];
  const noticeTitle = notice.data?.title ?? '个人信息保护说明';
  const phoneError = errors.phone ?? (form.phoneTouched && phone.state === 'invalid' ? PHONE_INVALID_MESSAGE : undefined);
  const isH5 = process.env.TARO_ENV === 'h5';

  return (
    <View className="lead-form" data-testid="lead-form" role="main">
      <View className="lead-form__hero">
        <Text {...PAGE_HEADING} className="lead-form__hero-title">留言咨询</Text>
        {person ? (
          <Text className="lead-form__hero-to" data-testid="lead-form-recipient">
            由 {person.name}（{person.title}）为您对接
          </Text>
        ) : (
          <Text className="lead-form__hero-to">招商专员将与您联系</Text>
        )}
        {context.carrierName ? <Text className="lead-form__hero-carrier">咨询载体：{context.carrierName}</Text> : null}
        {isH5 ? (
          <Text className="lead-form__hero-web" data-testid="web-note">
            网页版无需登录微信即可提交：页面会自动完成一次安全验证；提交后您将获得认领码，可在本浏览器查看进度，或在微信中认领后接收回复通知。
          </Text>
        ) : null}
        {notice.data ? (
          <Text className="lead-form__hero-promise">
            {promiseText(notice.data.promiseHours)}
            {workingDays(notice.data.promiseHours) ? `（${workingDays(notice.data.promiseHours)}）` : ''}
          </Text>
        ) : null}
      </View>

      <View className="lead-form__section lead-form__section--lifted">
        <Text className="lead-form__section-title">联系人信息</Text>
        <FormField label="姓名" required error={errors.name} testId="field-name">
          <Input className="form-field__input" value={values.name} maxlength={20} placeholder="您的姓名" onInput={(e) => setField('name', e.detail.value)} {...controlLabel('姓名（必填）')} />
        </FormField>
        <FormField label="单位名称" error={errors.company} testId="field-company">
          <Input className="form-field__input" value={values.company} maxlength={60} placeholder="公司或机构名称" onInput={(e) => setField('company', e.detail.value)} {...controlLabel('单位名称（选填）')} />
        </FormField>
        <FormField
          label="联系电话"
          required
          error={phoneError}
          testId="field-phone"
          hint={
            phone.state === 'valid' ? (
              <Text className="lead-form__phone-ok" data-testid="phone-preview">
                ✓ 将按 {phone.normalized} 保存
              </Text>
            ) : (
              <Text>手机或座机均可，支持 +86、区号与分机</Text>
            )
          }
        >
          <Input
            className="form-field__input"
            value={values.phone}
            maxlength={32}
            placeholder="如 138 0013 8000 或 025-8468 1234"
            onInput={(e) => setField('phone', e.detail.value)}
            onBlur={form.touchPhone}
            {...controlLabel('联系电话（必填）')}
          />
        </FormField>
        <FormField label="电子邮箱" error={errors.email} testId="field-email">
          <Input className="form-field__input" value={values.email} maxlength={80} placeholder="name@company.com" onInput={(e) => setField('email', e.detail.value)} {...controlLabel('电子邮箱（选填）')} />
        </FormField>
        <FormField label="微信号" error={errors.wechatId} testId="field-wechat">
          <Input className="form-field__input" value={values.wechatId} maxlength={40} placeholder="便于专员添加您" onInput={(e) => setField('wechatId', e.detail.value)} {...controlLabel('微信号（选填）')} />
        </FormField>
      </View>

      <View className="lead-form__section">
        <Text className="lead-form__section-title">投资需求</Text>
        <FormField
          label="意向行业"
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
          <Input className="form-field__input" value={values.industry} maxlength={20} placeholder="如 生物医药、智能制造" onInput={(e) => setField('industry', e.detail.value)} {...controlLabel('意向行业（必填）')} />
        </FormField>
        <FormField label="投资规模" required error={errors.scale} testId="field-scale">
          <PickerField options={SCALE_OPTIONS} value={values.scale} placeholder="请选择投资规模" onChange={(v) => setField('scale', v)} testId="scale-picker" />
        </FormField>
        <FormField label="载体类型" error={errors.carrierType} testId="field-carrier-type">
          <PickerField
            options={CARRIER_TYPE_OPTIONS}
            value={values.carrierType}
            placeholder="厂房、楼宇、产业园……"
            onChange={(v) => setField('carrierType', v)}
            onClear={() => setField('carrierType', '')}
            testId="carrier-type-picker"
          />
        </FormField>
        <FormField label="面积需求（㎡）" error={errors.area} testId="field-area">
          <View className="lead-form__range">
            <Input className="form-field__input" type="digit" value={values.areaMin} maxlength={9} placeholder="最小" onInput={(e) => setField('areaMin', e.detail.value)} {...controlLabel('最小面积需求（平方米）')} />
            <Text className="lead-form__range-sep">—</Text>
            <Input className="form-field__input" type="digit" value={values.areaMax} maxlength={9} placeholder="最大" onInput={(e) => setField('areaMax', e.detail.value)} {...controlLabel('最大面积需求（平方米）')} />
          </View>
        </FormField>
        <FormField label="计划落地时间" error={errors.timing} testId="field-timing">
          <PickerField
            options={TIMING_OPTIONS}
            value={values.timing}
            placeholder="请选择"
            onChange={(v) => setField('timing', v)}
            onClear={() => setField('timing', '')}
            testId="timing-picker"
          />
        </FormField>
        <FormField
          label="留言"
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
              <Text className={values.message ? '' : 'form-field__placeholder'}>{values.message || MESSAGE_PLACEHOLDER}</Text>
            </View>
          ) : (
            <Textarea
              className="form-field__textarea"
              value={values.message}
              maxlength={MESSAGE_MAX}
              placeholder={MESSAGE_PLACEHOLDER}
              onInput={(e) => setField('message', e.detail.value)}
              {...controlLabel('留言（选填）')}
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
            {form.formError.message}
          </Text>
        ) : form.queued ? (
          <Text className="lead-form__error" aria-live="polite" data-testid="form-queued">
            您的咨询已保存在本机，联网后会自动发送，不会重复提交。
          </Text>
        ) : null}
        <ActionButton text="提交咨询" block muted={!form.consent} loading={form.submitting} onClick={() => void form.submit()} testId="submit-lead" />
        {!form.consent ? (
          <Text className="lead-form__submit-hint" data-testid="consent-hint">
            勾选同意《{noticeTitle}》后即可提交
          </Text>
        ) : (
          <Text className="lead-form__submit-hint">提交后专员会在承诺时限内联系您</Text>
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
          <Text className="lead-form__notice-status-text">{notice.status === 'loading' ? '正在加载…' : (notice.error?.message ?? '')}</Text>
          {notice.status === 'error' ? <ActionButton text="重试" size="md" tone="secondary" onClick={() => void notice.reload()} /> : null}
        </View>
      </BottomSheet>
    </View>
  );
}
