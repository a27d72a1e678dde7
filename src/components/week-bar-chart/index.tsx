import { Text, View } from '@tarojs/components';
import './index.css';

export interface WeekBar {
  key: string;
  /** Under the bar, e.g. "11/3". */
  label: string;
  value: number;
  /** 0–100: the bar's height relative to the chart. */
  heightPercent: number;
  /** A small note under the label, e.g. "咨询 2". */
  note?: string;
  highlight?: boolean;
}

export interface WeekBarChartProps {
  bars: readonly WeekBar[];
  testId?: string;
}

const clamp = (n: number): number => Math.max(0, Math.min(100, n));

/** A plain column chart drawn with views: one column per week, its value on top. */
export function WeekBarChart({ bars, testId }: WeekBarChartProps) {
  return (
    <View className="week-bar-chart" data-testid={testId}>
      {bars.map((bar) => (
        <View key={bar.key} className="week-bar-chart__col" data-week={bar.key} data-value={String(bar.value)}>
          <View className="week-bar-chart__plot">
            <View
              className={bar.highlight ? 'week-bar-chart__bar week-bar-chart__bar--highlight' : 'week-bar-chart__bar'}
              style={{ height: `${clamp(bar.heightPercent)}%` }}
            />
            <Text className="week-bar-chart__value" style={{ bottom: `${clamp(bar.heightPercent)}%` }}>
              {bar.value}
            </Text>
          </View>
          <Text className="week-bar-chart__label">{bar.label}</Text>
          {bar.note ? <Text className="week-bar-chart__note">{bar.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
