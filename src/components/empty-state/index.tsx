import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface EmptyStateProps {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, description, actionText, onAction }: EmptyStateProps) {
  return (
    <View className="empty-state" data-testid="empty-state">
      <View className="empty-state__art">
        <View className="empty-state__box" />
        <View className="empty-state__lid" />
      </View>
      <Text className="empty-state__title">{title}</Text>
      {description ? <Text className="empty-state__description">{description}</Text> : null}
      {actionText && onAction ? (
        <View className="empty-state__action" hoverClass="empty-state__action--pressed" data-testid="empty-action" onClick={onAction} {...pressable(onAction)}>
          <Text>{actionText}</Text>
        </View>
      ) : null}
    </View>
  );
}
