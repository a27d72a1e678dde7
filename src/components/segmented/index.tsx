import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface SegmentedOption {
  key: string;
  label: string;
}

export interface SegmentedProps {
  options: readonly SegmentedOption[];
  active: string;
  onChange: (key: string) => void;
  testId?: string;
}

/** A compact choice of one among few (sort order, view mode). */
export function Segmented({ options, active, onChange, testId }: SegmentedProps) {
  return (
    <View className="segmented" data-testid={testId} role="radiogroup">
      {options.map((option) => (
        <View
          key={option.key}
          className={option.key === active ? 'segmented__option segmented__option--active' : 'segmented__option'}
          data-testid={testId ? `${testId}-${option.key}` : undefined}
          aria-checked={option.key === active ? 'true' : 'false'}
          onClick={() => option.key !== active && onChange(option.key)}
          {...pressable(() => option.key !== active && onChange(option.key), { role: 'radio' })}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}
