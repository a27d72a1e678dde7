import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** One card of the lead page: a marked title, an optional action beside it, then its content. */
export function Section({ title, extra, testId, children }: { title: string; extra?: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <View className="lead-detail__section" data-testid={testId}>
      <View className="lead-detail__section-head">
        <View className="lead-detail__section-mark" />
        <Text className="lead-detail__section-title">{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  );
}

/** A label and its value; nothing at all when there is no value. */
export function Row({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  if (!value) return null;
  return (
    <View className="lead-detail__row" data-testid={testId}>
      <Text className="lead-detail__row-label">{label}</Text>
      <Text className="lead-detail__row-value">{value}</Text>
    </View>
  );
}
