import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
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
  const t = useText();
  const when = formatStamp(savedAt);
  return (
    <View className="offline-note" data-testid="offline-note" onClick={onRetry} {...pressable(onRetry)}>
      <Text className="offline-note__tag">{t.offlineTag}</Text>
      <Text className="offline-note__text">{when ? t.offlineSince(when) : t.offlineLast}</Text>
      {onRetry ? <Text className="offline-note__retry">{t.reload}</Text> : null}
    </View>
  );
}
