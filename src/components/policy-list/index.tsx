import { Text, View } from '@tarojs/components';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';

export interface PolicyListProps {
  items: readonly string[];
  /** Which items are Chinese for want of English on an English page: marked «中文». */
  isChinese?: (index: number) => boolean;
}

export function PolicyList({ items, isChinese }: PolicyListProps) {
  return (
    <View className="policy-list">
      {items.map((item, index) => (
        <View key={item} className="policy-list__item">
          <Text className="policy-list__index">{index + 1}</Text>
          <Text className="policy-list__text" {...chineseContent(isChinese?.(index))}>{item}</Text>
          <ChineseMark show={isChinese?.(index) ?? false} />
        </View>
      ))}
    </View>
  );
}
