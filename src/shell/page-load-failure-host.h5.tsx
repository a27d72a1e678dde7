import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ErrorState } from '../components/error-state';
import { watchChunkLoadFailures, type PageLoadFailure } from '../platform/page-load-failure';
import './page-load-failure-host.css';

export const PAGE_LOAD_FAILED_MESSAGE = '页面没有加载出来，请检查网络后重试';

/**
 * Web: when a page's code fails to arrive, says so over the empty page and offers 重试, which loads the page
 * the address now names. Portalled to <body>: Taro's H5 router hides every `.taro_page` but the last.
 */
export function PageLoadFailureHost({ reload = () => window.location.reload() }: { reload?: () => void }) {
  const [failure, setFailure] = useState<PageLoadFailure | null>(null);
  useEffect(() => watchChunkLoadFailures(window, setFailure), []);
  if (!failure || typeof document === 'undefined') return null;
  return createPortal(
    <View className="page-load-failure" data-testid="page-load-failure" role="alert">
      <ErrorState message={PAGE_LOAD_FAILED_MESSAGE} onRetry={reload} />
    </View>,
    document.body,
  );
}
