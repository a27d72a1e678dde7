import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface ShareEntryProps {
  onEditCard: () => void;
  onPoster: () => void;
  onStats: () => void;
}

const ITEMS = [
  { key: 'edit', glyph: '编', title: '编辑名片', hint: '问候语、公开信息' },
  { key: 'poster', glyph: '图', title: '生成海报', hint: '发朋友圈、转客户' },
  { key: 'stats', glyph: '数', title: '名片数据', hint: '浏览、转发、咨询' },
] as const;

/** "分享与名片": the card owner's three shortcuts, shown on their own card. Presentational: the page navigates. */
export function ShareEntry({ onEditCard, onPoster, onStats }: ShareEntryProps) {
  const handlers = { edit: onEditCard, poster: onPoster, stats: onStats };
  return (
    <View className="share-entry" data-testid="share-entry">
      <View className="share-entry__head">
        <Text className="share-entry__title">分享与名片</Text>
        <Text className="share-entry__note">仅你本人可见</Text>
      </View>
      <View className="share-entry__items">
        {ITEMS.map((item) => (
          <View key={item.key} className="share-entry__item" hoverClass="share-entry__item--pressed" data-testid={`share-entry-${item.key}`} onClick={handlers[item.key]} {...pressable(handlers[item.key], { role: 'link', label: `${item.title}：${item.hint}` })}>
            <View className="share-entry__glyph" aria-hidden="true">
              <Text>{item.glyph}</Text>
            </View>
            <Text className="share-entry__item-title">{item.title}</Text>
            <Text className="share-entry__item-hint">{item.hint}</Text>
          </View>
        ))}
      </View>
      <Text className="share-entry__footer">转发名片或海报后，经你（及转发好友）带来的咨询都会记在分享链上。</Text>
    </View>
  );
}
