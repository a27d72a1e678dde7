import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceChipsProps {
  options: readonly ChoiceOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  /** Chips laid out one per row (long names such as carriers) instead of wrapping inline. */
  block?: boolean;
  testId?: string;
}

/** A multiple choice as tappable chips; selection state is the caller's. */
export function ChoiceChips({ options, selected, onToggle, block = false, testId }: ChoiceChipsProps) {
  return (
    <View className={block ? 'choice-chips choice-chips--block' : 'choice-chips'} data-testid={testId}>
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <View
            key={option.value}
            className={on ? 'choice-chips__chip choice-chips__chip--on' : 'choice-chips__chip'}
            hoverClass="choice-chips__chip--pressed"
            data-value={option.value}
            data-selected={on ? 'true' : 'false'}
            onClick={() => onToggle(option.value)}
            aria-checked={on ? 'true' : 'false'}
            {...pressable(() => onToggle(option.value), { role: 'checkbox', label: option.label })}
          >
            <Text className="choice-chips__mark" aria-hidden="true">
              {on ? '✓' : '+'}
            </Text>
            <Text className="choice-chips__label">{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
