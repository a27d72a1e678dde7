import { Text, View } from '@tarojs/components';
import type { Language } from '../../i18n/dictionary';
import { Segmented } from '../segmented';
import './index.css';

export interface LanguageSwitchProps {
  active: Language;
  /** Names the switch for screen readers, in the page's language. */
  label: string;
  onChange: (lang: Language) => void;
}

/** Each language is named in itself, so a reader of either finds theirs. */
const OPTIONS: ReadonlyArray<{ key: Language; label: string }> = [
  { key: 'zh', label: '中文' },
  { key: 'en', label: 'English' },
];

/** 中文 / English on the card: the page emits the choice; remembering it is the caller's. */
export function LanguageSwitch({ active, label, onChange }: LanguageSwitchProps) {
  return (
    <View className="language-switch" data-testid="language-switch-row">
      <Text className="visually-hidden">{label}</Text>
      <Segmented testId="language-switch" options={OPTIONS} active={active} onChange={(key) => onChange(key === 'en' ? 'en' : 'zh')} />
    </View>
  );
}
