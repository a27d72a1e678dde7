import { mergeReconciler } from '@tarojs/shared';
import { readTextScale, TEXT_SCALE_DATA_KEY, textScaleStyle } from '../platform/text-scale';

/**
 * Every mini-program page starts with WeChat's font size on its root: each page's template carries
 * `<page-meta page-style="{{textScaleStyle}}">` (config/weapp-a11y-plugin.ts) and each page object, as Taro creates
 * it, sets that data as it loads — one place for all pages, none of them has to remember. Read at every page load,
 * so a page opened after the user changed the setting follows it.
 */
type PageObject = { onLoad?: (this: PageInstance, ...args: unknown[]) => unknown };
type PageInstance = { setData?: (data: Record<string, unknown>) => void };

export const withTextScale = (page: PageObject, read: () => number = readTextScale): void => {
  const onLoad = page.onLoad;
  page.onLoad = function onLoadWithTextScale(this: PageInstance, ...args: unknown[]) {
    this.setData?.({ [TEXT_SCALE_DATA_KEY]: textScaleStyle(read()) });
    return onLoad?.apply(this, args);
  };
};

if (process.env.TARO_ENV === 'weapp') mergeReconciler({ modifyPageObject: (page: PageObject) => withTextScale(page) });
