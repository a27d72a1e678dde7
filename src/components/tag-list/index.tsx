import { Text, View } from '@tarojs/components';
import './index.css';

export interface TagListProps {
  tags: readonly string[];
  /** Tags drawn with the accent (e.g. the industries this card's owner focuses on). */
  highlighted?: readonly string[];
}

export function TagList({ tags, highlighted = [] }: TagListProps) {
  return (
    <View className="tag-list">
      {tags.map((tag) => (
        <Text key={tag} className={highlighted.includes(tag) ? 'tag-list__tag tag-list__tag--accent' : 'tag-list__tag'}>
          {tag}
        </Text>
      ))}
    </View>
  );
}
