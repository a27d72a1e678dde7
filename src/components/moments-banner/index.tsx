import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';

export interface MomentsBannerProps {
  text?: string;
}

/** Tells a visitor from Moments that this is a preview and how to do more. */
export function MomentsBanner({ text }: MomentsBannerProps) {
  const t = useText();
  return (
    <View className="moments-banner" data-testid="moments-banner">
      <Text className="moments-banner__text">{text ?? t.momentsCard}</Text>
    </View>
  );
}
