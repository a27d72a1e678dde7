import { Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
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
  const t = useInquiryText();
  return (
    <View className={error ? 'consent-check consent-check--error' : 'consent-check'} data-testid="consent">
      <View className="consent-check__row">
        <View
          className={checked ? 'consent-check__box consent-check__box--checked' : 'consent-check__box'}
          aria-checked={checked ? 'true' : 'false'}
          data-testid="consent-checkbox"
          onClick={onToggle}
          {...pressable(onToggle, { role: 'checkbox', label: t.consentLabel(noticeTitle) })}
        >
          {checked ? (
            <Text className="consent-check__tick" aria-hidden="true">
              ✓
            </Text>
          ) : null}
        </View>
        <View className="consent-check__text">
          <Text onClick={onToggle}>{t.consentRead}</Text>
          <Text className="consent-check__link" data-testid="open-privacy-notice" onClick={onOpenNotice} {...pressable(onOpenNotice, { role: 'link' })}>
            {t.consentNoticeLink(noticeTitle)}
          </Text>
          <Text onClick={onToggle}>{t.consentPurpose}</Text>
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
