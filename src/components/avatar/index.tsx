import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { initialOf } from '../../format/format';
import './index.css';
import { decorativeImage } from '../a11y';
import { chineseContent } from '../chinese-mark';

export interface AvatarProps {
  name: string;
  /** Resolved photo URL; null (or a photo that fails to load) shows the name's first character. */
  src: string | null;
  size?: 'md' | 'lg';
  /** The name is Chinese on an English page (its initial is a Chinese character). */
  nameZh?: boolean;
}

export function Avatar({ name, src, size = 'lg', nameZh = false }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [src]);
  const className = `avatar avatar--${size}`;
  if (src && !failed) {
    // The name is always written beside the photo: the photo itself is decorative.
    return <Image className={className} src={src} mode="aspectFill" onError={() => setFailed(true)} {...decorativeImage()} />;
  }
  return (
    <View className={`${className} avatar--initial`} aria-hidden="true" {...chineseContent(nameZh)}>
      <Text className="avatar__initial">{initialOf(name)}</Text>
    </View>
  );
}
