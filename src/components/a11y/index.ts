/**
 * Accessibility attributes the components share. Taro's H5 build renders Stencil elements (taro-view-core …),
 * which have no role of their own: a tappable View must say what it is, take focus and answer Enter and Space
 * like a native button. On weapp the same props are harmless (WeChat's screen reader reads the text).
 */

type KeyLike = { key?: string; preventDefault?: () => void; currentTarget?: unknown };

export type PressRole = 'button' | 'link' | 'tab' | 'checkbox' | 'switch' | 'radio' | 'option';

export interface PressableProps {
  role: PressRole;
  tabIndex: number;
  onKeyDown: (event: KeyLike) => void;
  'aria-label'?: string;
}

/** Enter and Space press a focused control as a tap would: the element's own click handler runs, once. */
const clickOnActivationKey = (event: KeyLike) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault?.();
  (event.currentTarget as { click?: () => void } | undefined)?.click?.();
};

/**
 * Role, focus and keyboard activation for a tappable element (its `onClick` does the work).
 * `label` names it when its text alone would not (an icon, a ×, a tile whose text is split in parts).
 */
export const tappable = (options: { role?: PressRole; label?: string } = {}): PressableProps => ({
  role: options.role ?? 'button',
  tabIndex: 0,
  onKeyDown: clickOnActivationKey,
  ...(options.label ? { 'aria-label': options.label } : {}),
});

/** `tappable` when there is something to press (`onPress` set), nothing otherwise. */
export const pressable = (onPress: unknown, options: { role?: PressRole; label?: string } = {}): PressableProps | Record<string, never> => (onPress ? tappable(options) : {});

/** Alternative text of an image (H5: the inner <img>'s alt; the weapp screen reader reads aria-label). */
export const imageAlt = (label: string) => ({ nativeProps: { alt: label }, ariaLabel: label });

/** An image that adds nothing a reader needs (the text beside it says it all). */
export const decorativeImage = () => ({ nativeProps: { alt: '', 'aria-hidden': 'true' }, 'aria-hidden': 'true' as const });

/** The accessible name of a form control (H5: on the native <input>/<textarea> inside Taro's element). */
export const controlLabel = (label: string) => ({ nativeProps: { 'aria-label': label }, ariaLabel: label });

/** The page's one level-1 heading (its title): spread onto the Text that shows it. */
export const PAGE_HEADING = { role: 'heading', 'aria-level': '1' } as const;

/**
 * A region with nothing to press that may scroll (a long log at 200 % text): it takes focus itself, so a keyboard
 * can reach and scroll it (axe scrollable-region-focusable).
 */
export const focusableRegion = (label: string) => ({ tabIndex: 0, 'aria-label': label });
