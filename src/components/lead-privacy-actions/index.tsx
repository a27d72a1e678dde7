import { Text, View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import './index.css';

export interface LeadPrivacyActionsProps {
  consentWithdrawn: boolean;
  pending: boolean;
  onWithdraw: () => void;
  onErase: () => void;
}

/** Under one inquiry in 我的咨询: withdraw consent for it, or ask for its personal data to be erased. */
export function LeadPrivacyActions({ consentWithdrawn, pending, onWithdraw, onErase }: LeadPrivacyActionsProps) {
  return (
    <View className="lead-privacy-actions" data-testid="lead-privacy-actions">
      {consentWithdrawn ? (
        <Text className="lead-privacy-actions__note" data-testid="consent-withdrawn">
          已撤回同意 · 工作人员不再联系您
        </Text>
      ) : (
        <ActionButton text="撤回同意" size="sm" tone="plain" loading={pending} onClick={onWithdraw} testId="privacy-withdraw" />
      )}
      <ActionButton text="删除此条信息" size="sm" tone="plain" loading={pending} onClick={onErase} testId="privacy-erase" />
    </View>
  );
}
