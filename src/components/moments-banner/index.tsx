import { Text, View } from '@tarojs/components';
import './index.css';

export interface MomentsBannerProps {
  text?: string;
}

/** Tells a visitor from Moments that this is a preview and how to do more. */
export function MomentsBanner({ text = '朋友圈预览 · 拨打电话、留言咨询请点击屏幕下方「前往小程序」' }: MomentsBannerProps) {
  return (
    <View className="moments-banner" data-testid="moments-banner">
      <Text className="moments-banner__text">{text}</Text>
    </View>
  );
}
