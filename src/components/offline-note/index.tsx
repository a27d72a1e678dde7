import { Text, View } from '@tarojs/components';
import { formatStamp } from '../../format/stamp';
import './index.css';
import { pressable } from '../a11y';

export interface OfflineNoteProps {
  /** When the data on screen was fetched (ISO time); shown as 月-日 时:分. */
  savedAt: string | null;
  onRetry?: () => void;
}

/** A quiet note that the page shows the device copy because the refresh failed. */
export function OfflineNote({ savedAt, onRetry }: OfflineNoteProps) {
  const when = formatStamp(savedAt);
  return (
    <View className="offline-note" data-testid="offline-note" onClick={onRetry} {...pressable(onRetry)}>
      <Text className="offline-note__tag">离线数据</Text>
      <Text className="offline-note__text">{when ? `网络不佳，显示 ${when} 的内容` : '网络不佳，显示的是上次的内容'}</Text>
      {onRetry ? <Text className="offline-note__retry">重新加载</Text> : null}
    </View>
  );
}
