import { Image, Text, View } from '@tarojs/components';
import { imageAlt, tappable } from '../../../components/a11y';
import { Avatar } from '../../../components/avatar';
import { imageUrl } from '../../../platform/image-url';
import type { ImageField } from '../use-my-card';

/** What the editor can do with images here: upload (the mini-program) or only show them (the web). */
export interface ImageUploads {
  enabled: boolean;
  uploading: ImageField | null;
  onUpload: (field: ImageField) => void;
}

interface ImageControlProps {
  field: ImageField;
  current: string | null;
  /** Shown in place of a missing QR code. */
  emptyText: string;
  personName: string;
  uploads: ImageUploads;
}

/** The photo or the WeChat QR code as it is now, with 上传/更换 (or, on the web, where to do that). */
export function ImageControl({ field, current, emptyText, personName, uploads }: ImageControlProps) {
  const url = imageUrl(current);
  return (
    <View className="my-card__image-row">
      {field === 'photo' ? (
        <Avatar name={personName} src={url} size="md" />
      ) : url ? (
        <Image className="my-card__qr" src={url} mode="aspectFit" data-testid="current-wechat-qr" {...imageAlt('当前的微信二维码')} />
      ) : (
        <View className="my-card__qr my-card__qr--empty">
          <Text>{emptyText}</Text>
        </View>
      )}
      <View className="my-card__image-side">
        {uploads.enabled ? (
          <View
            className="my-card__upload"
            hoverClass="my-card__upload--pressed"
            data-testid={`upload-${field}`}
            onClick={() => uploads.onUpload(field)}
            {...tappable({ label: `${current ? '更换' : '上传'}${field === 'photo' ? '照片' : '微信二维码'}` })}
          >
            <Text>{uploads.uploading === field ? '正在上传…' : current ? '更换图片' : '上传图片'}</Text>
          </View>
        ) : (
          <Text className="my-card__upload-note" data-testid={`upload-note-${field}`}>
            {current ? '网页版仅展示当前图片，' : '尚未上传，'}上传或更换请在微信小程序「编辑我的名片」中操作。
          </Text>
        )}
        <Text className="my-card__image-rule">JPG 或 PNG，不超过 2 MB</Text>
      </View>
    </View>
  );
}
