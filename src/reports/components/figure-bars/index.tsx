import { Text, View } from '@tarojs/components';
import { tappable } from '../../../components/a11y';
import type { BarRow } from '../../dashboard/dashboard-view';
import './index.css';

export interface FigureBarsProps {
  rows: readonly BarRow[];
  emptyText: string;
  onOpen?: (key: string) => void;
  testId?: string;
}

/** Bars as plain views: the label and the count are text (readable at 200 %), the bar is only a picture of them. */
export function FigureBars({ rows, emptyText, onOpen, testId }: FigureBarsProps) {
  if (rows.length === 0) return <Text className="figure-bars__empty">{emptyText}</Text>;
  return (
    <View className="figure-bars" data-testid={testId}>
      {rows.map((row) => (
        <View
          key={row.key}
          className="figure-bars__row"
          data-key={row.key}
          hoverClass={onOpen ? 'figure-bars__row--pressed' : undefined}
          onClick={onOpen ? () => onOpen(row.key) : undefined}
          {...(onOpen ? tappable({ role: 'link', label: `${row.spoken}，查看线索` }) : {})}
        >
          <View className="figure-bars__head">
            <Text className="figure-bars__label">{row.label}</Text>
            <Text className="figure-bars__count">
              {row.count} 条 · 上期 {row.previous}
            </Text>
          </View>
          <View className="figure-bars__track" aria-hidden="true">
            <View className="figure-bars__fill" style={{ width: `${row.percent}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
