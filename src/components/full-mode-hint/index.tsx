import { Text, View } from '@tarojs/components';
import './index.css';

export interface FullModeHintProps {
  /** The explanation to show; null hides the bubble. */
  message: string | null;
}

/**
 * Moments single-page mode: a short explanation floating just above WeChat's own "前往小程序" bar, with an
 * arrow pointing at it. Rendered by the page itself (no API call), so it works where most APIs do not.
 */
export function FullModeHint({ message }: FullModeHintProps) {
  if (!message) return null;
  return (
    <View className="full-mode-hint" data-testid="full-mode-hint">
      <Text className="full-mode-hint__text">{message}</Text>
      <View className="full-mode-hint__arrow" />
    </View>
  );
}
