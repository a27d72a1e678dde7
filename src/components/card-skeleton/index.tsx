import { View } from '@tarojs/components';
import './index.css';

/** The card page's shape while it loads, so nothing jumps when data arrives. */
export function CardSkeleton() {
  return (
    <View className="card-skeleton" data-testid="card-skeleton">
      <View className="card-skeleton__hero">
        <View className="card-skeleton__bar card-skeleton__bar--light card-skeleton__bar--w30" />
        <View className="card-skeleton__bar card-skeleton__bar--light card-skeleton__bar--title" />
        <View className="card-skeleton__bar card-skeleton__bar--light card-skeleton__bar--w70" />
      </View>
      <View className="card-skeleton__body">
        {[0, 1, 2].map((block) => (
          <View key={block} className="card-skeleton__block">
            <View className="card-skeleton__bar card-skeleton__bar--w30" />
            <View className="card-skeleton__bar" />
            <View className="card-skeleton__bar" />
            <View className="card-skeleton__bar card-skeleton__bar--w70" />
          </View>
        ))}
      </View>
    </View>
  );
}
