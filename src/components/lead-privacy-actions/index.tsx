import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
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
  const t = useInquiryText();
  return (
    <View className="lead-privacy-actions" data-testid="lead-privacy-actions">
      {consentWithdrawn ? (
        <Text className="lead-privacy-actions__note" data-testid="consent-withdrawn">
          {t.privacyWithdrawn}
        </Text>
      ) : (
        <ActionButton text={t.privacyWithdraw} size="sm" tone="plain" loading={pending} onClick={onWithdraw} testId="privacy-withdraw" />
      )}
      <ActionButton text={t.privacyErase} size="sm" tone="plain" loading={pending} onClick={onErase} testId="privacy-erase" />
    </View>
  );
}
