import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';

export interface DemoBannerProps {
  text?: string;
}

/** Marks fictional content so nobody mistakes a demo district for a real one. */
export function DemoBanner({ text }: DemoBannerProps) {
  const t = useText();
  return (
    <View className="demo-banner" data-testid="demo-banner">
      <Text className="demo-banner__tag">{t.demoTag}</Text>
      <Text className="demo-banner__text">{text ?? t.demoText}</Text>
    </View>
  );
}
