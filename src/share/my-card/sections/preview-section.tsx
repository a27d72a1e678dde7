import { Text, View } from '@tarojs/components';
import { tappable } from '../../../components/a11y';
import { CardPreview, type CardPreviewProps } from '../../../components/card-preview';

/** The card as visitors will see it, live, with the shortcuts to the poster and the card's numbers. */
export function PreviewSection({ preview, onPoster, onStats }: { preview: CardPreviewProps; onPoster: () => void; onStats: () => void }) {
  return (
    <View className="my-card__preview-wrap">
      <View className="my-card__preview-head">
        <Text className="my-card__preview-title">实时预览</Text>
        <Text className="my-card__preview-note">访客看到的样子</Text>
      </View>
      <CardPreview {...preview} />
      <View className="my-card__shortcuts">
        <View className="my-card__shortcut" hoverClass="my-card__shortcut--pressed" onClick={onPoster} data-testid="go-poster" {...tappable({ role: 'link' })}>
          <Text>生成海报</Text>
        </View>
        <View className="my-card__shortcut" hoverClass="my-card__shortcut--pressed" onClick={onStats} data-testid="go-stats" {...tappable({ role: 'link' })}>
          <Text>名片数据</Text>
        </View>
      </View>
    </View>
  );
}
