import { Image, Text, View } from '@tarojs/components';
import { imageAlt } from '../../components/a11y';
import type { CarrierPhotos } from '../../../domain/api/carrier-photo.contracts';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { imageUrl } from '../../platform/image-url';

export interface PhotoPickerProps {
  photos: readonly string[];
  reviews: CarrierPhotos['reviews'];
  /** How this build adds a photo; `null` while the carrier is not saved yet (a photo belongs to a carrier). */
  mode: 'web' | 'wechat' | null;
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onPick: () => void;
  onRemove: (ref: string) => void;
  onDismiss: (ref: string) => void;
}

const HINT = 'JPG、PNG 或 WebP，单张不超过 5 MB，最多 9 张；审核通过后投资者才能看到';

/** The carrier's photos: visible ones (removable), those in review, refused ones with the reason, and the picker. */
export function PhotoPicker(p: PhotoPickerProps) {
  return (
    <FormField label="照片" hint={p.mode ? HINT : '请先保存载体，再添加照片'} error={p.error ?? undefined} testId="carrier-field-photos">
      <View className="admin-actions">
        {p.photos.map((ref, i) => (
          <View key={ref} className="admin-card" data-testid="carrier-photo">
            {imageUrl(ref) ? <Image src={imageUrl(ref) as string} mode="aspectFill" style={{ width: '120px', height: '90px' }} {...imageAlt(`载体照片 ${i + 1}`)} /> : <Text className="admin-note">已上传的照片</Text>}
            <ActionButton text="删除" tone="secondary" size="sm" onClick={() => p.onRemove(ref)} testId="carrier-photo-remove" />
          </View>
        ))}
        {p.reviews.map((r) => (
          <View key={r.ref} className="admin-card" data-testid={`carrier-photo-${r.status}`}>
            {r.status === 'reviewing' ? (
              <Text className="admin-note">审核中：通过后投资者即可看到</Text>
            ) : (
              <>
                <Text className="admin-error">{`照片已移除：${r.reason ?? '未通过内容安全审核'}`}</Text>
                <ActionButton text="知道了" tone="secondary" size="sm" onClick={() => p.onDismiss(r.ref)} testId="carrier-photo-dismiss" />
              </>
            )}
          </View>
        ))}
      </View>
      {p.busy ? <Text className="admin-note" data-testid="carrier-photo-busy">正在上传…</Text> : null}
      {p.mode === 'web' ? (
        // A real file input inside a label that looks like the app's buttons: keyboard and screen readers keep working.
        <label className="admin-file">
          添加照片
          <input
            className="admin-file__input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={p.busy}
            data-testid="carrier-photo-input"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) p.onFile(f);
            }}
          />
        </label>
      ) : null}
      {p.mode === 'wechat' ? <ActionButton text="添加照片" tone="secondary" size="sm" loading={p.busy} onClick={p.onPick} testId="carrier-photo-pick" /> : null}
    </FormField>
  );
}
