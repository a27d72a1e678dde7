import { Text, View } from '@tarojs/components';
import './index.css';

export interface KeyFact {
  label: string;
  value: string;
  /** Drawn larger and in the accent colour (the figure the investor came for). */
  emphasis?: 'vacancy' | 'price';
  testId?: string;
}

export interface KeyFactsProps {
  facts: readonly KeyFact[];
}

/** Two-column grid of a carrier's headline numbers. */
export function KeyFacts({ facts }: KeyFactsProps) {
  return (
    <View className="key-facts" data-testid="key-facts">
      {facts.map((fact) => (
        <View key={fact.label} className="key-facts__cell" data-testid={fact.testId}>
          <Text className="key-facts__label">{fact.label}</Text>
          <Text className={fact.emphasis ? `key-facts__value key-facts__value--${fact.emphasis}` : 'key-facts__value'}>{fact.value}</Text>
        </View>
      ))}
    </View>
  );
}
