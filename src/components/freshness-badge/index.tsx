import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';

export interface FreshnessBadgeProps {
  /** e.g. 核实于 12 天前 (domain `freshness().label`). */
  label: string;
  /** Older than the domain's threshold: drawn in warning colours with a note to call first. */
  stale: boolean;
  /** What was verified, e.g. 空置面积. */
  subject?: string;
  compact?: boolean;
}

export function FreshnessBadge({ label, stale, subject, compact = false }: FreshnessBadgeProps) {
  const t = useText();
  const text = subject ? `${subject} · ${label}` : label;
  const className = ['freshness-badge', stale ? 'freshness-badge--stale' : '', compact ? 'freshness-badge--compact' : ''].filter(Boolean).join(' ');
  return (
    <View className={className} data-testid="freshness" data-stale={stale ? 'true' : 'false'}>
      <View className="freshness-badge__dot" />
      <Text className="freshness-badge__text">{text}</Text>
      {stale ? <Text className="freshness-badge__stale">{compact ? t.staleShort : t.staleLong}</Text> : null}
    </View>
  );
}
