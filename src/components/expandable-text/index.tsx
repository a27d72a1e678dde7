import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import { useState } from 'react';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';
import { pressable } from '../a11y';

export interface ExpandableTextProps {
  text: string;
  /** Longer texts start clamped to a few lines with a 展开全文 toggle. */
  collapseOver?: number;
  /** The text is Chinese for want of English on an English page: marked «中文». */
  zh?: boolean;
}

export function ExpandableText({ text, collapseOver = 96, zh = false }: ExpandableTextProps) {
  const t = useText();
  const collapsible = text.length > collapseOver;
  const [expanded, setExpanded] = useState(false);
  const clamped = collapsible && !expanded;
  return (
    <View className="expandable-text">
      <ChineseMark show={zh} />
      <Text className={clamped ? 'expandable-text__body expandable-text__body--clamped' : 'expandable-text__body'} {...chineseContent(zh)}>{text}</Text>
      {collapsible ? (
        <View className="expandable-text__toggle" onClick={() => setExpanded(!expanded)} {...pressable(() => setExpanded(!expanded))} aria-expanded={expanded ? 'true' : 'false'}>
          <Text>{expanded ? t.collapse : t.expand}</Text>
        </View>
      ) : null}
    </View>
  );
}
