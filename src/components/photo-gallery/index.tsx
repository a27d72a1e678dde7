import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import { useState } from 'react';
import './index.css';
import { imageAlt, pressable } from '../a11y';

export interface PhotoGalleryProps {
  /** Resolved for this platform; an empty list shows a plain panel with the fallback label. */
  photos: readonly string[];
  fallbackLabel: string;
  onPreview?: (index: number) => void;
}

/** Full-width 4:3 photo carousel with a page counter. */
export function PhotoGallery({ photos, fallbackLabel, onPreview }: PhotoGalleryProps) {
  const t = useText();
  const [current, setCurrent] = useState(0);
  if (!photos.length) {
    return (
      <View className="photo-gallery photo-gallery--empty" data-testid="photo-gallery">
        <Text className="photo-gallery__fallback">{fallbackLabel}</Text>
      </View>
    );
  }
  return (
    <View className="photo-gallery" data-testid="photo-gallery">
      <Swiper className="photo-gallery__swiper" circular={photos.length > 1} autoplay={false} onChange={(e) => setCurrent(e.detail.current)}>
        {photos.map((src, index) => (
          <SwiperItem key={`${index}:${src}`}>
            <Image
              className="photo-gallery__photo"
              src={src}
              mode="aspectFill"
              onClick={() => onPreview?.(index)}
              {...imageAlt(t.photoAlt(fallbackLabel, index + 1, photos.length))}
              {...pressable(onPreview ? () => onPreview(index) : undefined, { label: t.photoView(fallbackLabel, index + 1, photos.length) })}
            />
          </SwiperItem>
        ))}
      </Swiper>
      {photos.length > 1 ? (
        <Text className="photo-gallery__counter" aria-hidden="true">
          {current + 1} / {photos.length}
        </Text>
      ) : null}
    </View>
  );
}
