import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface InboxTab<K extends string> {
  key: K;
  label: string;
  count: number | null;
}

export interface InboxTabsProps<K extends string> {
  tabs: readonly InboxTab<K>[];
  active: K;
  onChange: (key: K) => void;
}

/** Segmented tabs with a count each: 我的 / 本单位 / 待认领 / 我推荐的. */
export function InboxTabs<K extends string>({ tabs, active, onChange }: InboxTabsProps<K>) {
  return (
    <View className="inbox-tabs" role="tablist">
      {tabs.map((tab) => (
        <View
          key={tab.key}
          className={tab.key === active ? 'inbox-tabs__tab inbox-tabs__tab--active' : 'inbox-tabs__tab'}
          aria-selected={tab.key === active ? 'true' : 'false'}
          data-testid={`tab-${tab.key}`}
          onClick={() => {
            if (tab.key !== active) onChange(tab.key);
          }}
          {...pressable(
            () => {
              if (tab.key !== active) onChange(tab.key);
            },
            { role: 'tab', label: tab.count !== null ? `${tab.label} ${tab.count}` : tab.label },
          )}
        >
          <Text className="inbox-tabs__label">{tab.label}</Text>
          {tab.count !== null ? (
            <Text className="inbox-tabs__count" data-testid={`tab-${tab.key}-count`}>
              {tab.count > 999 ? '999+' : tab.count}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
