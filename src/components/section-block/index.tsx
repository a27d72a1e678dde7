import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

export interface SectionBlockProps {
  title: string;
  /** Short note on the right of the title, e.g. a count. */
  extra?: string;
  testId?: string;
  children: ReactNode;
}

/** A titled white card on the page background: the page's only layout unit. */
export function SectionBlock({ title, extra, testId, children }: SectionBlockProps) {
  return (
    <View className="section-block" data-testid={testId}>
      <View className="section-block__head">
        <View className="section-block__mark" />
        <Text className="section-block__title">{title}</Text>
        {extra ? <Text className="section-block__extra">{extra}</Text> : null}
      </View>
      <View className="section-block__body">{children}</View>
    </View>
  );
}
