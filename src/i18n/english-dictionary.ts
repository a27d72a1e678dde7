import type { InquiryText } from './dictionary';

/**
 * The English dictionary, loaded only when a page speaks English: Chinese visitors never download it (#12).
 * `en.ts` becomes a chunk of its own (`english/dictionary.js`): on the web an ordinary lazy chunk, in the
 * mini-program a file of the `english` subpackage, which config/weapp-chunk-loading-runtime.js fetches with
 * WeChat's `require.async`. Until it has arrived, pages stay Chinese; a failed download leaves them Chinese and
 * the next request tries again.
 */

let loaded: InquiryText | null = null;
let loading: Promise<InquiryText> | null = null;
const listeners = new Set<() => void>();

/** The English texts once they have arrived, else null. */
export const englishDictionary = (): InquiryText | null => loaded;

export const loadEnglishDictionary = (): Promise<InquiryText> => {
  if (loaded) return Promise.resolve(loaded);
  if (!loading) {
    loading = import(/* webpackChunkName: "english/dictionary" */ './en').then(
      (module) => {
        loaded = module.en;
        listeners.forEach((listener) => listener());
        return module.en;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
};

export const subscribeEnglishDictionary = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
