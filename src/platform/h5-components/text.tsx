import type { TextProps } from '@tarojs/components';
import { forwardRef, type CSSProperties } from 'react';
import { classNames, domProps } from './dom-props';

/**
 * Taro's Text on H5 as a plain `span` (see view.tsx for why). Like Taro's and the mini-program's, text cannot be
 * selected unless `userSelect` (or `selectable`) is set; `space` keeps white space, `numberOfLines` clamps.
 */
export const Text = forwardRef<HTMLSpanElement, TextProps>(function Text(props, ref) {
  const { className, userSelect, selectable, space, numberOfLines, style } = props;
  const clamp: CSSProperties | undefined = typeof numberOfLines === 'number' ? { WebkitLineClamp: numberOfLines } : undefined;
  return (
    <span
      ref={ref}
      {...domProps(props)}
      className={classNames(
        'taro-text',
        (userSelect || selectable) && 'taro-text--selectable',
        space && `taro-text--space-${space}`,
        clamp && 'taro-text--clamped',
        className,
      )}
      style={clamp || typeof style === 'object' ? { ...(typeof style === 'object' ? style : {}), ...clamp } : undefined}
    >
      {props.children}
    </span>
  );
});
