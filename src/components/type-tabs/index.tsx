import { ScrollView, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';
import { pressable } from '../a11y';

export interface TypeTab {
  key: string;
  label: string;
}

export interface TypeTabsProps {
  tabs: readonly TypeTab[];
  active: string;
  onChange: (key: string) => void;
}

/** Horizontally scrolling tabs with an underline on the active one. */
export function TypeTabs({ tabs, active, onChange }: TypeTabsProps) {
  const t = useText();
  return (
    <ScrollView className="type-tabs" scrollX enhanced showScrollbar={false} data-testid="type-tabs">
      <View className="type-tabs__row" role="tablist" aria-label={t.carrierTypesLabel}>
        {tabs.map((tab) => (
          <View
            key={tab.key}
            className={tab.key === active ? 'type-tabs__tab type-tabs__tab--active' : 'type-tabs__tab'}
            data-testid={`type-tab-${tab.key}`}
            aria-selected={tab.key === active ? 'true' : 'false'}
            onClick={() => tab.key !== active && onChange(tab.key)}
            {...pressable(() => tab.key !== active && onChange(tab.key), { role: 'tab' })}
          >
            <Text className="type-tabs__label">{tab.label}</Text>
            {tab.key === active ? <View className="type-tabs__bar" aria-hidden="true" /> : null}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
