import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import type { InvestorPrivacyRequest } from '../../../domain/api/privacy.contracts';
import { formatDateTime } from '../../format/date-time';
import { useLanguage } from '../../i18n/text-context';
import { ActionButton } from '../action-button';
import './index.css';

export interface PrivacyRightsProps {
  requests: InvestorPrivacyRequest[];
  /** Whether there are inquiries left to ask about (after an erasure there may be none). */
  hasLeads: boolean;
  pending: boolean;
  error: string | null;
  onWithdrawAll: () => void;
  onEraseAll: () => void;
}

/** 我的个人信息: the investor's rights over all their inquiries, and every request they made with where it stands. */
export function PrivacyRights({ requests, hasLeads, pending, error, onWithdrawAll, onEraseAll }: PrivacyRightsProps) {
  const t = useInquiryText();
  const lang = useLanguage();
  const at = (iso: string) => formatDateTime(iso, new Date(), lang);
  return (
    <View className="privacy-rights" data-testid="privacy-rights">
      <Text className="privacy-rights__title">{t.privacyTitle}</Text>
      <Text className="privacy-rights__text">{t.privacyExplain}</Text>
      {hasLeads ? (
        <View className="privacy-rights__actions">
          <ActionButton text={t.privacyWithdrawAll} size="md" tone="secondary" loading={pending} onClick={onWithdrawAll} testId="privacy-withdraw-all" />
          <ActionButton text={t.privacyEraseAll} size="md" tone="danger" loading={pending} onClick={onEraseAll} testId="privacy-erase-all" />
        </View>
      ) : null}
      {error ? (
        <Text className="privacy-rights__error" data-testid="privacy-error" aria-live="polite">
          {error}
        </Text>
      ) : null}
      {requests.length ? (
        <View className="privacy-rights__list" role="list">
          {requests.map((r) => (
            <View key={r.id} className="privacy-rights__item" role="listitem" data-testid="privacy-request" data-status={r.status}>
              <View className="privacy-rights__item-head">
                <Text className="privacy-rights__item-kind">
                  {t.privacyKind(r.kind)} · {t.privacyScope(r.scope === 'all', r.leadCount)}
                </Text>
                <Text className={`privacy-rights__status privacy-rights__status--${r.status}`}>{t.privacyStatus(r.status)}</Text>
              </View>
              <Text className="privacy-rights__item-meta">
                {t.privacyRequestedAt(at(r.requestedAt))}
                {r.status === 'pending' ? t.privacyDueBy(at(r.dueAt), r.overdue) : ''}
                {r.answeredAt ? t.privacyAnsweredAt(at(r.answeredAt)) : ''}
              </Text>
              {r.answerNote ? (
                <Text className="privacy-rights__item-note">
                  {t.privacyAnswer}
                  {/* The district's own words: Chinese content, marked as such on an English page. */}
                  <Text data-content-lang="zh">{r.answerNote}</Text>
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
