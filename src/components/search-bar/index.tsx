import { Input, Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';
import { controlLabel, pressable } from '../a11y';

export interface SearchBarProps {
  value: string;
  placeholder?: string;
  maxLength?: number;
  onInput: (value: string) => void;
  /** The keyboard's search key (or the 搜索 button). */
  onSearch: (value: string) => void;
  onClear?: () => void;
}

export function SearchBar({ value, placeholder: givenPlaceholder, maxLength = 30, onInput, onSearch, onClear }: SearchBarProps) {
  const t = useText();
  const placeholder = givenPlaceholder ?? t.searchPlaceholder;
  return (
    <View className="search-bar" data-testid="search-bar">
      <View className="search-bar__field">
        <View className="search-bar__glass" aria-hidden="true" />
        <Input
          className="search-bar__input"
          data-testid="search-input"
          type="text"
          confirmType="search"
          value={value}
          maxlength={maxLength}
          placeholder={placeholder}
          placeholderClass="search-bar__placeholder"
          onInput={(e) => onInput(e.detail.value)}
          onConfirm={(e) => onSearch(e.detail.value)}
          {...controlLabel(placeholder)}
        />
        {value ? (
          <View
            className="search-bar__clear"
            data-testid="search-clear"
            onClick={() => (onClear ? onClear() : onInput(''))}
            {...pressable(() => (onClear ? onClear() : onInput('')), { label: t.searchClear })}
          >
            <Text className="search-bar__clear-mark" aria-hidden="true">
              ×
            </Text>
          </View>
        ) : null}
      </View>
      <View className="search-bar__submit" hoverClass="search-bar__submit--pressed" data-testid="search-submit" onClick={() => onSearch(value)} {...pressable(() => onSearch(value))}>
        <Text>{t.searchButton}</Text>
      </View>
    </View>
  );
}
