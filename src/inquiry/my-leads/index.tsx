import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { MyLeadCard } from '../../components/my-lead-card';
import { usePageParams } from '../../hooks/use-page-params';
import { backToCard } from '../../hooks/use-session';
import { LeadPrivacyActions } from '../../components/lead-privacy-actions';
import { PrivacyRights } from '../../components/privacy-rights';
import type { PrivacyRequestKind } from '../../../domain/privacy/privacy-request.schema';
import { ClaimBox } from './claim-box';
import { useClaimLead } from './use-claim-lead';
import { useMyLeads } from './use-my-leads';
import { PAGE_HEADING, tappable } from '../../components/a11y';
import { TextProvider } from '../../i18n/text-context';
import { inquiryTextOf } from '../../i18n/use-inquiry-text';
import { usePageLanguage } from '../../i18n/use-page-language';
import { usePageTitle } from '../../i18n/use-page-title';
import './index.css';

export default function MyLeadsPage() {
  const params = usePageParams();
  const cardId = params.cardId && /^[A-Za-z0-9_-]{1,64}$/.test(params.cardId) ? params.cardId : undefined;
  const language = usePageLanguage(params.lang);
  const t = inquiryTextOf(language);
  usePageTitle(language.lang, t.accountMyLeads);
  const { status, items, privacyRequests, error, reload, askPrivacy } = useMyLeads(language.contentLang);
  // Each request is confirmed first: withdrawal takes effect at once, an erasure cannot be undone.
  const confirmPrivacy = (kind: PrivacyRequestKind, leadId?: string) => {
    void Taro.showModal({ title: t.privacyConfirmTitle(kind), content: t.privacyConfirmText(kind, !leadId), confirmText: t.privacyConfirm }).then(({ confirm }) => {
      if (confirm) void askPrivacy.run(kind, leadId);
    });
  };
  const privacyPanel = (
    <PrivacyRights
      requests={privacyRequests}
      hasLeads={items.length > 0}
      pending={askPrivacy.pending}
      error={askPrivacy.error}
      onWithdrawAll={() => confirmPrivacy('withdraw_consent')}
      onEraseAll={() => confirmPrivacy('erase')}
    />
  );
  // A claim link (`?claim=CODE`) fills the code in; the visitor still taps 认领.
  const claim = useClaimLead(typeof params.claim === 'string' ? params.claim.slice(0, 16) : '', reload, t);
  const claimBox = (
    <ClaimBox code={claim.code} sending={claim.status === 'sending'} done={claim.status === 'done'} error={claim.error} onChange={claim.setCode} onSubmit={() => void claim.submit()} />
  );

  usePullDownRefresh(() => {
    reload().finally(() => {
      Taro.stopPullDownRefresh();
    });
  });

  // Coming back to the page (from a notification, or after another inquiry) shows the latest replies.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });

  useEffect(() => {
    if (status === 'ready' && error) Taro.showToast({ title: t.errorMessage(error.code, error.message), icon: 'none' });
  }, [status, error, t]);

  if (status === 'loading') {
    return (
      <TextProvider value={language}>
      <View className="my-leads" data-testid="my-leads-loading" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          {t.accountMyLeads}
        </Text>
        <View className="my-leads__skeleton" />
        <View className="my-leads__skeleton" />
      </View>
      </TextProvider>
    );
  }

  if (status === 'error') {
    return (
      <TextProvider value={language}>
      <View className="my-leads" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          {t.accountMyLeads}
        </Text>
        <ErrorState message={t.errorMessage(error?.code ?? 'INTERNAL.UNEXPECTED', error?.message ?? '系统开小差了，请稍后重试')} onRetry={() => void reload()} />
      </View>
      </TextProvider>
    );
  }

  if (!items.length) {
    return (
      <TextProvider value={language}>
      <View className="my-leads" data-testid="my-leads" role="main">
        <Text className="visually-hidden" {...PAGE_HEADING}>
          {t.accountMyLeads}
        </Text>
        <EmptyState
          title={t.myLeadsEmpty}
          description={t.myLeadsEmptyText}
          actionText={t.backToCardLink}
          onAction={() => backToCard(cardId)}
        />
        {claimBox}
        {privacyRequests.length ? privacyPanel : null}
      </View>
      </TextProvider>
    );
  }

  const answered = items.filter((l) => l.replies.length > 0).length;
  return (
    <TextProvider value={language}>
    <View className="my-leads" data-testid="my-leads" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        {t.accountMyLeads}
      </Text>
      <View className="my-leads__summary">
        <Text className="my-leads__summary-count">{t.myLeadsCount(items.length)}</Text>
        <Text className="my-leads__summary-note">{answered ? t.myLeadsAnswered(answered) : t.myLeadsAwaiting}</Text>
      </View>
      {items.map((lead) => (
        <View key={lead.id}>
          <MyLeadCard lead={lead} />
          <LeadPrivacyActions
            consentWithdrawn={lead.consentWithdrawn === true}
            pending={askPrivacy.pending}
            onWithdraw={() => confirmPrivacy('withdraw_consent', lead.id)}
            onErase={() => confirmPrivacy('erase', lead.id)}
          />
        </View>
      ))}
      {claimBox}
      {privacyPanel}
      <View className="my-leads__footer">
        <Text className="my-leads__footer-text">{t.myLeadsFooter}</Text>
        <Text className="my-leads__footer-link" data-testid="back-to-card" onClick={() => backToCard(cardId)} {...tappable({ role: 'link' })}>
          {t.backToCardLink}
        </Text>
      </View>
    </View>
    </TextProvider>
  );
}
