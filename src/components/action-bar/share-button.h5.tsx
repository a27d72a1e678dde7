import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * Web: no share button of WeChat's to open (pages offer 复制链接 there instead, so this is not drawn). Kept apart
 * so the web build does not load Taro's Stencil Button, and its runtime, with the card page (#12).
 */
export function ShareButton({ className, testId, children }: { className: string; testId?: string; children: ReactNode }) {
  return (
    <View className={className} data-testid={testId}>
      {children}
    </View>
  );
}
