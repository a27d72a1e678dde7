import { Input, Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import { ActionButton } from '../../components/action-button';
import { controlLabel } from '../../components/a11y';

export interface ClaimBoxProps {
  code: string;
  sending: boolean;
  done: boolean;
  error: string | null;
  onChange: (code: string) => void;
  onSubmit: () => void;
}

/** Where a web inquiry's claim code is entered; props in, events out. */
export function ClaimBox({ code, sending, done, error, onChange, onSubmit }: ClaimBoxProps) {
  const t = useInquiryText();
  return (
    <View className="my-leads__claim" data-testid="claim-lead">
      <Text className="my-leads__claim-title">{t.claimTitle}</Text>
      <Text className="my-leads__claim-text">{t.claimText}</Text>
      <Input
        className="my-leads__claim-input"
        value={code}
        maxlength={16}
        placeholder={t.claimPlaceholder}
        onInput={(e) => onChange(e.detail.value)}
        {...controlLabel(t.claimCodeLabel)}
      />
      {error ? (
        <Text className="my-leads__claim-error" data-testid="claim-error" aria-live="polite">
          {error}
        </Text>
      ) : null}
      {done ? (
        <Text className="my-leads__claim-ok" data-testid="claim-done" aria-live="polite">
          {t.claimDone}
        </Text>
      ) : null}
      <ActionButton text={t.claimSubmit} size="md" tone="secondary" loading={sending} onClick={onSubmit} testId="claim-submit" />
    </View>
  );
}
