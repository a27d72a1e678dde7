import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { isSinglePageMode } from '../platform/launch-mode';
import type { Language } from './dictionary';

/**
 * The navigation bar title in the page's language. Page JSON carries the Chinese title, so a Chinese page sets
 * nothing until the visitor has switched languages on it. Never in Moments single-page mode: its navigation bar is
 * WeChat's (界面·导航栏 is on the disabled list of 单页模式).
 */
export const usePageTitle = (lang: Language, title: string | null): void => {
  const changed = useRef(false);
  useEffect(() => {
    if (!title || isSinglePageMode()) return;
    if (lang === 'zh' && !changed.current) return;
    changed.current = true;
    Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [lang, title]);
};
