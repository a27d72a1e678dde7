import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';

export interface SectionBlockProps {
  title: string;
  /** Short note on the right of the title, e.g. a count. */
  extra?: string;
  testId?: string;
  /** The title is content shown in Chinese for want of English (a unit's name): marked «中文». */
  titleZh?: boolean;
  children: ReactNode;
}

/** A titled white card on the page background: the page's only layout unit. */
export function SectionBlock({ title, extra, testId, titleZh = false, children }: SectionBlockProps) {
  return (
    <View className="section-block" data-testid={testId}>
      <View className="section-block__head">
        <View className="section-block__mark" />
        <Text className="section-block__title" {...chineseContent(titleZh)}>{title}</Text>
        <ChineseMark show={titleZh} />
        {extra ? <Text className="section-block__extra">{extra}</Text> : null}
      </View>
      <View className="section-block__body">{children}</View>
    </View>
  );
}
