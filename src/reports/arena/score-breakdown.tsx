import { Text, View } from '@tarojs/components';
import { SectionBlock } from '../../components/section-block';
import { points } from './points';

export interface ScoreBreakdownProps {
  title: string;
  raw: number;
  items: Array<{ kind: string; label: string; points: number }>;
  testId: string;
}

/** One contestant's score item by item: stages, response, penalties and any adjustment as its own line. */
export function ScoreBreakdown({ title, raw, items, testId }: ScoreBreakdownProps) {
  return (
    <SectionBlock title={title} extra={`合计 ${points(raw)}`} testId={testId}>
      {items.length ? (
        items.map((item, i) => (
          <View key={`${item.kind}-${i}`} className={item.kind === 'adjustment' ? 'arena__item arena__item--adjustment' : 'arena__item'}>
            <Text className="arena__item-label">{item.label}</Text>
            <Text className="arena__item-points">{points(item.points)}</Text>
          </View>
        ))
      ) : (
        <Text className="arena__note">本期还没有得分项：经投资促进局确认的签约、落地和按时响应都会计分。</Text>
      )}
    </SectionBlock>
  );
}
