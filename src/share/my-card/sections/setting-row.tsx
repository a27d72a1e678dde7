import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A label (and a hint under it) beside its control, e.g. a visibility switch. */
export function SettingRow({ label, hint, children, testId }: { label: string; hint?: string; children: ReactNode; testId?: string }) {
  return (
    <View className="my-card__row" data-testid={testId}>
      <View className="my-card__row-text">
        <Text className="my-card__row-label">{label}</Text>
        {hint ? <Text className="my-card__row-hint">{hint}</Text> : null}
      </View>
      {children}
    </View>
  );
}
