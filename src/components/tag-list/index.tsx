import { Text, View } from '@tarojs/components';
import { ChineseMark, chineseContent } from '../chinese-mark';
import './index.css';

export interface TagListProps {
  tags: readonly string[];
  /** Tags drawn with the accent (e.g. the industries this card's owner focuses on). */
  highlighted?: readonly string[];
  /** Which tags (by position) are Chinese for want of English on an English page: marked «中文». */
  isChinese?: (index: number) => boolean;
}

export function TagList({ tags, highlighted = [], isChinese }: TagListProps) {
  return (
    <View className="tag-list">
      {tags.map((tag, index) => (
        <Text key={tag} className={highlighted.includes(tag) ? 'tag-list__tag tag-list__tag--accent' : 'tag-list__tag'} {...chineseContent(isChinese?.(index))}>
          {tag}
          <ChineseMark show={isChinese?.(index) ?? false} />
        </Text>
      ))}
    </View>
  );
}
