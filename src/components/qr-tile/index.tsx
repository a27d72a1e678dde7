import { Image, Text, View } from '@tarojs/components';
import './index.css';
import { imageAlt, pressable } from '../a11y';

export interface QrTileProps {
  /** Resolved for this platform. */
  src: string;
  name: string;
  /** Shows a 保存 action next to the preview hint (the mini-program; the web saves from the preview). */
  canSave?: boolean;
  onPreview: () => void;
  onSave?: () => void;
}

/** A person's WeChat QR code: tap to enlarge (long-press there to scan or save). */
export function QrTile({ src, name, canSave = false, onPreview, onSave }: QrTileProps) {
  return (
    <View className="qr-tile" data-testid="wechat-qr">
      <Image
        className="qr-tile__image"
        src={src}
        mode="aspectFit"
        onClick={onPreview}
        data-testid="wechat-qr-image"
        {...imageAlt(`${name}的微信二维码`)}
        {...pressable(onPreview, { label: `放大${name}的微信二维码` })}
      />
      <View className="qr-tile__text">
        <Text className="qr-tile__title">{name}的微信二维码</Text>
        <Text className="qr-tile__hint">点击放大，长按识别添加好友</Text>
        <View className="qr-tile__actions">
          <Text className="qr-tile__action" data-testid="wechat-qr-preview" onClick={onPreview} {...pressable(onPreview)}>
            查看大图
          </Text>
          {canSave && onSave ? (
            <Text className="qr-tile__action" data-testid="wechat-qr-save" onClick={onSave} {...pressable(onSave)}>
              保存到相册
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}
