import { Picker, Text, View } from '@tarojs/components';
import { useInquiryText } from '../../i18n/use-inquiry-text';
import './index.css';
import { pressable } from '../a11y';

export interface PickerOption<V extends string> {
  value: V;
  label: string;
}

export interface PickerFieldProps<V extends string> {
  options: readonly PickerOption<V>[];
  value: V | '';
  placeholder: string;
  onChange: (value: V) => void;
  /** Lets an optional choice be cleared again. */
  onClear?: () => void;
  testId?: string;
}

/** A one-column picker (native wheel in WeChat, Taro's sheet on the web) shown as a form control. */
export function PickerField<V extends string>({ options, value, placeholder, onChange, onClear, testId }: PickerFieldProps<V>) {
  const t = useInquiryText();
  const index = options.findIndex((o) => o.value === value);
  const selected = index >= 0 ? options[index] : null;
  return (
    <View className="picker-field">
      <Picker
        className="picker-field__picker"
        mode="selector"
        range={options.map((o) => o.label)}
        value={index >= 0 ? index : 0}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)];
          if (picked) onChange(picked.value);
        }}
      >
        <View className="picker-field__display" data-testid={testId} aria-haspopup="listbox" {...{ role: 'button', tabIndex: 0 }}>
          <Text className={selected ? 'picker-field__value' : 'picker-field__value picker-field__value--empty'}>{selected ? selected.label : placeholder}</Text>
          <Text className="picker-field__chevron" aria-hidden="true">
            ›
          </Text>
        </View>
      </Picker>
      {selected && onClear ? (
        <View className="picker-field__clear" onClick={onClear} {...pressable(onClear, { label: t.clearChoice(placeholder) })}>
          <Text>{t.clear}</Text>
        </View>
      ) : null}
    </View>
  );
}
