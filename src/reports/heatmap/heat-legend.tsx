import { Text, View } from '@tarojs/components';
import type { HeatmapMeasure } from '../../../domain/report/heatmap.rules';
import { legendText, STEP_NAMES } from './heatmap-view';

export interface HeatLegendProps {
  measure: HeatmapMeasure;
  legend: ReadonlyArray<{ step: number; from: number; upTo: number }>;
}

/** What each colour step stands for, in the measure's unit; the swatches carry the same number as text. */
export function HeatLegend({ measure, legend }: HeatLegendProps) {
  return (
    <View className="heat-legend" data-testid="heat-legend" role="list" aria-label="图例">
      <View className="heat-legend__item" role="listitem">
        <View className="heat-legend__swatch heat-grid__tap--none" aria-hidden="true" />
        <Text className="heat-legend__text">0 / 无</Text>
      </View>
      {legend.map((l) => (
        <View key={l.step} className="heat-legend__item" role="listitem">
          <View className={`heat-legend__swatch heat-grid__tap--${STEP_NAMES[l.step]}`} aria-hidden="true" />
          <Text className="heat-legend__text">{legendText(measure, l)}</Text>
        </View>
      ))}
    </View>
  );
}
