import { Text, View } from '@tarojs/components';
import './index.css';
import { pressable } from '../a11y';

export interface ActionButtonProps {
  text: string;
  onClick: () => void;
  tone?: 'primary' | 'secondary' | 'plain' | 'danger';
  size?: 'lg' | 'md' | 'sm';
  /** Looks inactive but still raises `onClick`, so the page can explain why nothing happens. */
  muted?: boolean;
  loading?: boolean;
  block?: boolean;
  testId?: string;
}

/** The app's button: a tappable view, so it looks the same in WeChat and on the web. */
export function ActionButton({ text, onClick, tone = 'primary', size = 'lg', muted = false, loading = false, block = false, testId }: ActionButtonProps) {
  const classes = ['action-button', `action-button--${tone}`, `action-button--${size}`];
  if (muted || loading) classes.push('action-button--muted');
  if (block) classes.push('action-button--block');
  return (
    <View
      className={classes.join(' ')}
      hoverClass="action-button--pressed"
      aria-busy={loading ? 'true' : undefined}
      aria-disabled={muted ? 'true' : undefined}
      data-testid={testId}
      onClick={() => {
        if (!loading) onClick();
      }}
      {...pressable(() => {
        if (!loading) onClick();
      })}
    >
      {loading ? <View className="action-button__spinner" aria-hidden="true" /> : null}
      <Text>{text}</Text>
    </View>
  );
}
