import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface ConsentCheckProps {
  checked: boolean;
  /** Title of the notice, e.g. 个人信息保护说明. */
  noticeTitle: string;
  onToggle: () => void;
  onOpenNotice: () => void;
  error?: string;
}

/** The explicit agreement to the privacy notice: an unticked box until the investor ticks it. */
export function ConsentCheck({ checked, noticeTitle, onToggle, onOpenNotice, error }: ConsentCheckProps) {
  return (
    <View className={error ? 'consent-check consent-check--error' : 'consent-check'} data-testid="consent">
      <View className="consent-check__row">
        <View
          className={checked ? 'consent-check__box consent-check__box--checked' : 'consent-check__box'}
          aria-checked={checked ? 'true' : 'false'}
          data-testid="consent-checkbox"
          onClick={onToggle}
          {...pressable(onToggle, { role: 'checkbox', label: `我已阅读并同意《${noticeTitle}》` })}
        >
          {checked ? (
            <Text className="consent-check__tick" aria-hidden="true">
              ✓
            </Text>
          ) : null}
        </View>
        <View className="consent-check__text">
          <Text onClick={onToggle}>我已阅读并同意</Text>
          <Text className="consent-check__link" data-testid="open-privacy-notice" onClick={onOpenNotice} {...pressable(onOpenNotice, { role: 'link' })}>
            《{noticeTitle}》
          </Text>
          <Text onClick={onToggle}>，同意招商部门为回复本次咨询处理我填写的信息。</Text>
        </View>
      </View>
      {error ? (
        <Text className="consent-check__error" aria-live="polite" data-testid="consent-error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
