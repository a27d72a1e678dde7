import { Image, Text, View } from '@tarojs/components';
import './index.css';
import { decorativeImage, pressable } from '../a11y';
import { ShareButton } from './share-button';

export interface ActionBarAction {
  key: string;
  label: string;
  /** Small icon actions sit on the left; text buttons fill the rest. */
  icon?: string;
  primary?: boolean;
  /** WeChat's native share button (only where `button open-type` is allowed: never in Moments single-page mode). */
  openShare?: boolean;
  testId?: string;
}

export interface ActionBarProps {
  actions: readonly ActionBarAction[];
  onTap: (key: string) => void;
  /**
   * Fixed to the bottom edge (default) or placed in the page flow: in Moments single-page mode WeChat's own
   * "前往小程序" bar owns the bottom edge.
   */
  floating?: boolean;
}

/** The page's main calls to action, fixed to the bottom edge above the safe area. */
export function ActionBar({ actions, onTap, floating = true }: ActionBarProps) {
  const icons = actions.filter((a) => a.icon);
  const buttons = actions.filter((a) => !a.icon);
  return (
    <View className={floating ? 'action-bar' : 'action-bar action-bar--inline'} data-testid="action-bar">
      <View className="action-bar__inner">
        {icons.map((action) =>
          action.openShare ? (
            <ShareButton key={action.key} className="action-bar__icon-action action-bar__share" testId={action.testId}>
              <Image className="action-bar__icon" src={action.icon as string} mode="aspectFit" {...decorativeImage()} />
              <Text className="action-bar__icon-label">{action.label}</Text>
            </ShareButton>
          ) : (
            <View
              key={action.key}
              className="action-bar__icon-action"
              hoverClass="action-bar__pressed"
              data-testid={action.testId}
              onClick={() => onTap(action.key)}
              {...pressable(() => onTap(action.key))}
            >
              <Image className="action-bar__icon" src={action.icon as string} mode="aspectFit" {...decorativeImage()} />
              <Text className="action-bar__icon-label">{action.label}</Text>
            </View>
          ),
        )}
        {buttons.map((action) => (
          <View
            key={action.key}
            className={action.primary ? 'action-bar__button action-bar__button--primary' : 'action-bar__button'}
            hoverClass="action-bar__pressed"
            data-testid={action.testId}
            onClick={() => onTap(action.key)}
            {...pressable(() => onTap(action.key))}
          >
            <Text>{action.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
