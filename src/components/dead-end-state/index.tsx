import { Text, View } from '@tarojs/components';
import { tappable } from '../a11y';
import './index.css';

export type DeadEndWay = 'default-card' | 'carriers' | 'directory';

export interface DeadEndStateProps {
  /** What is gone, in Chinese («未找到该名片，可能已下线»). */
  message: string;
  onWay: (way: DeadEndWay) => void;
}

const WAYS: Array<{ way: DeadEndWay; text: string }> = [
  { way: 'default-card', text: '查看区招商名片' },
  { way: 'carriers', text: '浏览可用载体' },
  { way: 'directory', text: '找对接部门' },
];

/**
 * A card or carrier that no longer exists: no retry that cannot succeed, but the ways on — the district's own
 * card, the carriers, the directory.
 */
export function DeadEndState({ message, onWay }: DeadEndStateProps) {
  return (
    <View className="dead-end" data-testid="dead-end">
      <Text className="dead-end__message">{message}</Text>
      <Text className="dead-end__hint">您可以继续了解本区的招商信息：</Text>
      {WAYS.map(({ way, text }) => (
        <View key={way} className="dead-end__way" data-testid={`dead-end-${way}`} onClick={() => onWay(way)} {...tappable({ role: 'link' })}>
          <Text>{text}</Text>
        </View>
      ))}
    </View>
  );
}
