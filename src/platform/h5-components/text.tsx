import type { TextProps } from '@tarojs/components';
import { forwardRef, type CSSProperties } from 'react';
import { classNames, domProps } from './dom-props';

/**
 * Taro's Text on H5 as a plain `span` (see view.tsx for why). Like Taro's and the mini-program's, text cannot be
 * selected unless `userSelect` (or `selectable`) is set; `space` keeps white space, `numberOfLines` clamps.
 */
export const Text = forwardRef<HTMLSpanElement, TextProps>(function Text(props, ref) {
  const { className, userSelect, selectable, space, numberOfLines } = props;
  const clamp: CSSProperties | undefined = typeof numberOfLines === 'number' ? { WebkitLineClamp: numberOfLines } : undefined;
  const dom = domProps(props);
  return (
    <span
      ref={ref}
      {...dom}
      className={classNames(
        'taro-text',
        (userSelect || selectable) && 'taro-text--selectable',
        space && `taro-text--space-${space}`,
        clamp && 'taro-text--clamped',
        className,
      )}
      style={clamp ? { ...(dom.style as CSSProperties | undefined), ...clamp } : (dom.style as CSSProperties | undefined)}
    >
      {props.children}
    </span>
  );
});
