import { Text, View } from '@tarojs/components';
import './index.css';

export interface DemoBannerProps {
  text?: string;
}

/** Marks fictional content so nobody mistakes a demo district for a real one. */
export function DemoBanner({ text = '本名片为演示数据，区域、企业与联系人均为虚构' }: DemoBannerProps) {
  return (
    <View className="demo-banner" data-testid="demo-banner">
      <Text className="demo-banner__tag">演示数据</Text>
      <Text className="demo-banner__text">{text}</Text>
    </View>
  );
}
