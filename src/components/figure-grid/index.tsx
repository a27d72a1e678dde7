import { Text, View } from '@tarojs/components';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';

export interface FigureGridProps {
  figures: readonly { label: string; value: string }[];
  /** Which parts (by figure position) are Chinese for want of English on an English page: marked «中文». */
  isChinese?: (index: number, part: 'label' | 'value') => boolean;
}

export function FigureGrid({ figures, isChinese }: FigureGridProps) {
  return (
    <View className="figure-grid">
      {figures.map((figure, index) => {
        const zh = { value: isChinese?.(index, 'value') ?? false, label: isChinese?.(index, 'label') ?? false };
        return (
          <View key={`${figure.label}:${figure.value}`} className="figure-grid__cell">
            <Text className="figure-grid__value" {...chineseContent(zh.value)}>{figure.value}</Text>
            <Text className="figure-grid__label" {...chineseContent(zh.label)}>{figure.label}</Text>
            <ChineseMark show={zh.value || zh.label} />
          </View>
        );
      })}
    </View>
  );
}
