import { Image, Text, View } from '@tarojs/components';
import './index.css';
import { decorativeImage, pressable } from '../a11y';

export interface ActionGridItem {
  key: string;
  label: string;
  /** A bundled icon path (`/assets/icons/…`). */
  icon: string;
  testId?: string;
  /** Greyed look for actions that need the full mini-program (they still explain themselves when tapped). */
  muted?: boolean;
}

export interface ActionGridProps {
  items: readonly ActionGridItem[];
  onTap: (key: string) => void;
}

/** A row of large icon actions under the hero: the investor's next steps at a glance. */
export function ActionGrid({ items, onTap }: ActionGridProps) {
  return (
    <View className="action-grid" data-testid="action-grid">
      {items.map((item) => (
        <View
          key={item.key}
          className={item.muted ? 'action-grid__item action-grid__item--muted' : 'action-grid__item'}
          hoverClass="action-grid__item--pressed"
          data-testid={item.testId}
          onClick={() => onTap(item.key)}
          {...pressable(() => onTap(item.key))}
        >
          <View className="action-grid__icon">
            <Image className="action-grid__icon-image" src={item.icon} mode="aspectFit" {...decorativeImage()} />
          </View>
          <Text className="action-grid__label">{item.label}</Text>
        </View>
      ))}
    </View>
  );
}
