import { Text, View } from '@tarojs/components';
import type { InvestorPrivacyRequest } from '../../../domain/api/privacy.contracts';
import { PRIVACY_REQUEST_KIND_LABELS, PRIVACY_REQUEST_STATUS_LABELS } from '../../../domain/privacy/privacy-request.schema';
import { formatDateTime } from '../../format/date-time';
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

const scopeText = (r: InvestorPrivacyRequest) => (r.scope === 'all' ? `全部咨询（${r.leadCount} 条）` : '一条咨询');

/** 我的个人信息: the investor's rights over all their inquiries, and every request they made with where it stands. */
export function PrivacyRights({ requests, hasLeads, pending, error, onWithdrawAll, onEraseAll }: PrivacyRightsProps) {
  return (
    <View className="privacy-rights" data-testid="privacy-rights">
      <Text className="privacy-rights__title">
        我的个人信息
      </Text>
      <Text className="privacy-rights__text">
        撤回同意后，工作人员不再联系您，也不能再查看您的联系方式。要求删除后，我们在承诺期限内删除您的姓名、电话、邮箱、微信号和留言，只保留不含个人信息的统计。
      </Text>
      {hasLeads ? (
        <View className="privacy-rights__actions">
          <ActionButton text="撤回全部同意" size="md" tone="secondary" loading={pending} onClick={onWithdrawAll} testId="privacy-withdraw-all" />
          <ActionButton text="删除我的全部咨询信息" size="md" tone="danger" loading={pending} onClick={onEraseAll} testId="privacy-erase-all" />
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
                  {PRIVACY_REQUEST_KIND_LABELS[r.kind]} · {scopeText(r)}
                </Text>
                <Text className={`privacy-rights__status privacy-rights__status--${r.status}`}>{PRIVACY_REQUEST_STATUS_LABELS[r.status]}</Text>
              </View>
              <Text className="privacy-rights__item-meta">
                提交于 {formatDateTime(r.requestedAt)}
                {r.status === 'pending' ? ` · 最迟 ${formatDateTime(r.dueAt)} 前处理${r.overdue ? '（已超期，我们正在加紧处理）' : ''}` : ''}
                {r.answeredAt ? ` · 处理于 ${formatDateTime(r.answeredAt)}` : ''}
              </Text>
              {r.answerNote ? <Text className="privacy-rights__item-note">答复：{r.answerNote}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
