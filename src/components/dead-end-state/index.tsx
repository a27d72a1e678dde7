import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import type { Dictionary } from '../../i18n/dictionary';
import { tappable } from '../a11y';
import './index.css';

export type DeadEndWay = 'default-card' | 'carriers' | 'directory';

export interface DeadEndStateProps {
  /** What is gone, in Chinese («未找到该名片，可能已下线»). */
  message: string;
  onWay: (way: DeadEndWay) => void;
}

const WAYS: Array<{ way: DeadEndWay; text: keyof Dictionary }> = [
  { way: 'default-card', text: 'deadEndDefaultCard' },
  { way: 'carriers', text: 'deadEndCarriers' },
  { way: 'directory', text: 'deadEndDirectory' },
];

/**
 * A card or carrier that no longer exists: no retry that cannot succeed, but the ways on — the district's own
 * card, the carriers, the directory.
 */
export function DeadEndState({ message, onWay }: DeadEndStateProps) {
  const t = useText();
  return (
    <View className="dead-end" data-testid="dead-end">
      <Text className="dead-end__message">{message}</Text>
      <Text className="dead-end__hint">{t.deadEndHint}</Text>
      {WAYS.map(({ way, text }) => (
        <View key={way} className="dead-end__way" data-testid={`dead-end-${way}`} onClick={() => onWay(way)} {...tappable({ role: 'link' })}>
          <Text>{t[text] as string}</Text>
        </View>
      ))}
    </View>
  );
}
