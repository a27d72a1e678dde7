import { Text, View } from '@tarojs/components';
import { tappable } from '../../components/a11y';
import { cellDetailText, cellValueText, STEP_NAMES, type HeatmapData } from './heatmap-view';

export interface HeatGridProps {
  map: HeatmapData;
  /** What the two axes are called («来源地», «产业»). */
  rowTitle: string;
  columnTitle: string;
  /** Opens a cell's leads; none where the viewer reads figures only (a city admin): the cells are plain then. */
  onOpen?: (row: number, column: number) => void;
}

/**
 * The heat map as plain views in table roles: row and column headers, and per cell its number (colour is only a
 * second picture of it) and a spoken label (saying it opens the leads, where it does); the row header stays put
 * while the grid scrolls sideways on a phone.
 */
export function HeatGrid({ map, rowTitle, columnTitle, onOpen }: HeatGridProps) {
  return (
    <View className="heat-grid" role="table" aria-label={`${rowTitle} × ${columnTitle}`} data-testid="heat-grid">
      <View className="heat-grid__row" role="row">
        <View className="heat-grid__corner" role="columnheader">
          <Text>
            {rowTitle} \ {columnTitle}
          </Text>
        </View>
        {map.columns.map((c) => (
          <View key={c.key} className="heat-grid__col-head" role="columnheader">
            <Text>{c.label}</Text>
          </View>
        ))}
      </View>
      {map.rows.map((r, i) => (
        <View key={r.key} className="heat-grid__row" role="row">
          <View className="heat-grid__row-head" role="rowheader">
            <Text className="heat-grid__row-label">{r.label}</Text>
            <Text className="heat-grid__row-total">{r.inquiries} 条咨询</Text>
          </View>
          {map.cells[i].map((cell, j) => {
            const detail = cellDetailText(map.measure, cell);
            return (
              <View key={map.columns[j].key} className="heat-grid__cell" role="cell" {...(onOpen ? {} : { 'aria-label': cell.spoken })}>
                <View
                  className={`heat-grid__tap heat-grid__tap--${STEP_NAMES[cell.step] ?? 'none'}`}
                  data-testid={`heat-cell-${i}-${j}`}
                  onClick={onOpen ? () => onOpen(i, j) : undefined}
                  {...(onOpen ? tappable({ role: 'link', label: `${cell.spoken}，查看线索` }) : {})}
                >
                  <Text className="heat-grid__value">{cellValueText(map.measure, cell)}</Text>
                  {detail ? <Text className="heat-grid__detail">{detail}</Text> : null}
                </View>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
