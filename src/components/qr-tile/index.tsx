import { Image, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
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
  const t = useText();
  return (
    <View className="qr-tile" data-testid="wechat-qr">
      <Image
        className="qr-tile__image"
        src={src}
        mode="aspectFit"
        onClick={onPreview}
        data-testid="wechat-qr-image"
        {...imageAlt(t.qrAlt(name))}
        {...pressable(onPreview, { label: t.qrZoom(name) })}
      />
      <View className="qr-tile__text">
        <Text className="qr-tile__title">{t.qrAlt(name)}</Text>
        <Text className="qr-tile__hint">{t.qrHint}</Text>
        <View className="qr-tile__actions">
          <Text className="qr-tile__action" data-testid="wechat-qr-preview" onClick={onPreview} {...pressable(onPreview)}>
            {t.qrView}
          </Text>
          {canSave && onSave ? (
            <Text className="qr-tile__action" data-testid="wechat-qr-save" onClick={onSave} {...pressable(onSave)}>
              {t.qrSave}
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}
