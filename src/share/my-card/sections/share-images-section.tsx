import { Image, Text, View } from '@tarojs/components';
import { imageAlt } from '../../../components/a11y';
import { SectionBlock } from '../../../components/section-block';
import { imageUrl } from '../../../platform/image-url';
import type { ShareImages } from '../../share-image/use-share-images';

const STATUS_TEXT: Record<ShareImages['status'], string> = {
  idle: '保存名片后，会按名片内容生成分享图。',
  drawing: '正在按名片内容生成分享图…',
  ready: '转发名片和分享到朋友圈时，会用下面的图片。名片内容变化后会自动重新生成。',
  failed: '分享图暂未生成，转发时将使用页面截图。下次打开本页会再试。',
};

/** 分享图: the images a chat share (5:4) and Moments (1:1) of this card show, drawn from its content. */
export function ShareImagesSection({ images }: { images: ShareImages }) {
  const chat = imageUrl(images.chat);
  const moments = imageUrl(images.moments);
  return (
    <SectionBlock title="分享图" extra="自动生成" testId="section-share-images">
      <Text className="my-card__section-note" data-testid="share-images-status">
        {STATUS_TEXT[images.status]}
      </Text>
      {chat || moments ? (
        <View className="my-card__share-images">
          {chat ? (
            <View className="my-card__share-image my-card__share-image--chat">
              <Text className="my-card__label">转发给朋友</Text>
              <Image className="my-card__share-picture" src={chat} mode="widthFix" data-testid="share-image-chat" {...imageAlt('转发给朋友时的分享图：区域名称、口号、名片主人和区域数据')} />
            </View>
          ) : null}
          {moments ? (
            <View className="my-card__share-image my-card__share-image--moments">
              <Text className="my-card__label">分享到朋友圈</Text>
              <Image className="my-card__share-picture" src={moments} mode="widthFix" data-testid="share-image-moments" {...imageAlt('分享到朋友圈时的分享图：区域名称、口号、名片主人和区域数据')} />
            </View>
          ) : null}
        </View>
      ) : null}
    </SectionBlock>
  );
}
