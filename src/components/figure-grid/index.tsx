import { Text, View } from '@tarojs/components';
import './index.css';

export interface FigureGridProps {
  figures: readonly { label: string; value: string }[];
}

export function FigureGrid({ figures }: FigureGridProps) {
  return (
    <View className="figure-grid">
      {figures.map((figure) => (
        <View key={`${figure.label}:${figure.value}`} className="figure-grid__cell">
          <Text className="figure-grid__value">{figure.value}</Text>
          <Text className="figure-grid__label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}
