import { Input, Text, View } from '@tarojs/components';
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
  return (
    <View className="my-leads__claim" data-testid="claim-lead">
      <Text className="my-leads__claim-title">在网页上提交过咨询？</Text>
      <Text className="my-leads__claim-text">输入提交后显示的认领码，即可在这里跟进该咨询。</Text>
      <Input
        className="my-leads__claim-input"
        value={code}
        maxlength={16}
        placeholder="如 ABCDE-FGHJK"
        onInput={(e) => onChange(e.detail.value)}
        {...controlLabel('认领码')}
      />
      {error ? (
        <Text className="my-leads__claim-error" data-testid="claim-error" aria-live="polite">
          {error}
        </Text>
      ) : null}
      {done ? (
        <Text className="my-leads__claim-ok" data-testid="claim-done" aria-live="polite">
          已认领，咨询已显示在下方
        </Text>
      ) : null}
      <ActionButton text="认领" size="md" tone="secondary" loading={sending} onClick={onSubmit} testId="claim-submit" />
    </View>
  );
}
