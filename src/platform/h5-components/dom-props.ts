/**
 * What a plain element receives from a Taro component's props on H5 (src/platform/h5-components).
 *
 * Taro's Stencil proxies turn camelCase string props into dash-case attributes (`ariaLabel` → `aria-label`) and
 * keep the mini-program-only ones off the page; the plain elements do the same, so a page renders the same
 * attributes whichever layer draws it. Props a component reads itself are listed in `TARO_ONLY` too.
 */

/** Mini-program props with no meaning on a web element, or read by the component that receives them. */
const TARO_ONLY = new Set([
  'children',
  'hoverClass',
  'hoverStartTime',
  'hoverStayTime',
  'hoverStopPropagation',
  'catchMove',
  'animation',
  'nativeProps',
  'userSelect',
  'selectable',
  'space',
  'numberOfLines',
  'mode',
  'lazyLoad',
  'showMenuByLongpress',
  'webp',
  'src',
  'onLoad',
  'onError',
]);

const ARIA_CAMEL = /^aria[A-Z]/;

/**
 * The props a `div`/`span` gets: Taro-only ones dropped, `ariaX` spelled `aria-x`, a style string (which React
 * cannot take) left out — the app passes style objects.
 */
export const domProps = (props: object): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || TARO_ONLY.has(key)) continue;
    if (key === 'style' && typeof value !== 'object') continue;
    out[ARIA_CAMEL.test(key) ? `aria-${key.slice(4).toLowerCase()}` : key] = value;
  }
  return out;
};

/** Class names joined, empty parts left out. */
export const classNames = (...parts: (string | false | null | undefined)[]): string => parts.filter(Boolean).join(' ');
