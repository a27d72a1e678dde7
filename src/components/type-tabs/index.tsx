import { ScrollView, Text, View } from '@tarojs/components';
import './index.css';

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
  return (
    <ScrollView className="type-tabs" scrollX enhanced showScrollbar={false} data-testid="type-tabs">
      <View className="type-tabs__row">
        {tabs.map((tab) => (
          <View
            key={tab.key}
            className={tab.key === active ? 'type-tabs__tab type-tabs__tab--active' : 'type-tabs__tab'}
            data-testid={`type-tab-${tab.key}`}
            onClick={() => tab.key !== active && onChange(tab.key)}
          >
            <Text className="type-tabs__label">{tab.label}</Text>
            {tab.key === active ? <View className="type-tabs__bar" /> : null}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
