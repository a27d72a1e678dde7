import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';

export type PageParams = Partial<Record<string, string>>;

/** One parameter decoded once; a value that is no valid encoding (a lone `%`) stays as it is. */
export const decodedParam = (value: string): string => {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Every parameter decoded once (pageUrl encodes each value once). */
export const decodePageParams = (raw: Readonly<Record<string, string | undefined>>): PageParams => {
  const out: PageParams = {};
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') out[name] = decodedParam(value);
  return out;
};

/**
 * The one place pages read their parameters. Taro's H5 router and WeChat's onLoad hand them over still
 * percent-encoded («新能源» arrives as %E6%96%B0…, which matches nothing), so they are decoded here, once, and
 * every page gets the Chinese text. Lint keeps `useRouter` out of everything else.
 */
export const usePageParams = (): PageParams => {
  const { params } = useRouter();
  return useMemo(() => decodePageParams(params), [params]);
};
