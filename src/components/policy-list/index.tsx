import { Text, View } from '@tarojs/components';
import './index.css';

export interface PolicyListProps {
  items: readonly string[];
}

export function PolicyList({ items }: PolicyListProps) {
  return (
    <View className="policy-list">
      {items.map((item, index) => (
        <View key={item} className="policy-list__item">
          <Text className="policy-list__index">{index + 1}</Text>
          <Text className="policy-list__text">{item}</Text>
        </View>
      ))}
    </View>
  );
}
