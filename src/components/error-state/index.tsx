import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';
import { pressable } from '../a11y';

export interface ErrorStateProps {
  message: string;
  retryText?: string;
  onRetry?: () => void;
}

export function ErrorState({ message, retryText, onRetry }: ErrorStateProps) {
  const t = useText();
  return (
    <View className="error-state" data-testid="error-state">
      <View className="error-state__icon">
        <Text className="error-state__icon-mark">!</Text>
      </View>
      <Text className="error-state__message">{message}</Text>
      {onRetry ? (
        <View className="error-state__retry" hoverClass="error-state__retry--pressed" data-testid="retry-button" onClick={onRetry} {...pressable(onRetry)}>
          <Text>{retryText ?? t.retry}</Text>
        </View>
      ) : null}
    </View>
  );
}
