import { View } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';

export interface PeriodStepperProps {
  /** The period shown is the current one: there is no later board to step to. */
  current: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** 上一期 / 下一期: past boards stay readable (locked ones are where adjustments are made). */
export function PeriodStepper({ current, onPrevious, onNext }: PeriodStepperProps) {
  return (
    <View className="arena__actions" data-testid="arena-periods">
      <ActionButton text="上一期" size="sm" tone="secondary" onClick={onPrevious} testId="arena-previous" />
      {current ? null : <ActionButton text="下一期" size="sm" tone="secondary" onClick={onNext} testId="arena-next" />}
    </View>
  );
}
