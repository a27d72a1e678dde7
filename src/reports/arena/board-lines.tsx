import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { points } from './points';

export interface BoardLine {
  contestantId: string;
  name: string;
  score: number;
  rank: number;
  adjustmentNote: string | null;
}

export interface BoardLinesProps {
  lines: BoardLine[];
  ownId: string | null;
  /** The district admin on a locked board: every row can be adjusted. */
  canAdjust: boolean;
  onAdjust: (line: BoardLine) => void;
  testPrefix: string;
}

/** The ranked rows of one board (units or teams): rank, name, score, and «含调整 …» where the total includes one. */
export function BoardLines({ lines, ownId, canAdjust, onAdjust, testPrefix }: BoardLinesProps) {
  return (
    <View>
      {lines.map((line) => (
        <View key={line.contestantId} className={line.contestantId === ownId ? 'arena__line arena__line--own' : 'arena__line'} data-contestant={line.contestantId}>
          <Text className="arena__rank">第 {line.rank} 名</Text>
          <Text className="arena__name">{line.name}</Text>
          <Text className="arena__score">{points(line.score)}</Text>
          {line.adjustmentNote ? (
            <Text className="arena__adjusted" data-testid={`${testPrefix}-adjusted-${line.contestantId}`}>
              {line.adjustmentNote}
            </Text>
          ) : null}
          {canAdjust ? <ActionButton text="调整" size="sm" tone="secondary" onClick={() => onAdjust(line)} testId={`${testPrefix}-adjust-${line.contestantId}`} /> : null}
        </View>
      ))}
    </View>
  );
}
