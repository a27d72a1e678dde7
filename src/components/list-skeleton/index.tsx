import { View } from '@tarojs/components';
import './index.css';

export interface ListSkeletonProps {
  rows?: number;
}

/** Placeholder rows shaped like carrier cards while the first page loads. */
export function ListSkeleton({ rows = 4 }: ListSkeletonProps) {
  return (
    <View className="list-skeleton" data-testid="list-skeleton">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="list-skeleton__row">
          <View className="list-skeleton__thumb" />
          <View className="list-skeleton__lines">
            <View className="list-skeleton__bar list-skeleton__bar--w70" />
            <View className="list-skeleton__bar list-skeleton__bar--w40" />
            <View className="list-skeleton__bar" />
            <View className="list-skeleton__bar list-skeleton__bar--w50" />
          </View>
        </View>
      ))}
    </View>
  );
}
