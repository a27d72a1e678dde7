import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import './index.css';
import { pressable } from '../a11y';

export type LoadMoreState = 'idle' | 'loading' | 'failed' | 'done';

export interface LoadMoreFooterProps {
  state: LoadMoreState;
  /** Tapping loads the next page (also the fallback where scrolling to the end does not). */
  onLoadMore: () => void;
}

export function LoadMoreFooter({ state, onLoadMore }: LoadMoreFooterProps) {
  const t = useText();
  if (state === 'done') {
    return (
      <View className="load-more-footer" data-testid="list-end">
        <View className="load-more-footer__rule" />
        <Text className="load-more-footer__text">{t.loadedAll}</Text>
        <View className="load-more-footer__rule" />
      </View>
    );
  }
  if (state === 'loading') {
    return (
      <View className="load-more-footer" data-testid="loading-more">
        <View className="load-more-footer__spinner" />
        <Text className="load-more-footer__text">{t.loadingMore}</Text>
      </View>
    );
  }
  return (
    <View className="load-more-footer load-more-footer--tap" data-testid="load-more" onClick={onLoadMore} {...pressable(onLoadMore)}>
      <Text className={state === 'failed' ? 'load-more-footer__text load-more-footer__text--error' : 'load-more-footer__text'}>
        {state === 'failed' ? t.loadMoreFailed : t.loadMore}
      </Text>
    </View>
  );
}
