import type { ImageProps } from '@tarojs/components';
import { forwardRef, type ImgHTMLAttributes, type SyntheticEvent } from 'react';
import { classNames, domProps } from './dom-props';

/**
 * Taro's Image on H5 as a `div` around an `img` (see view.tsx for why), the shape Taro's draws: the box takes
 * the page's size classes, the picture fills it by `mode` (object-fit, so nothing is re-laid out once the
 * picture arrives). `lazyLoad` is the browser's own `loading="lazy"`. The box's `ariaLabel` names the picture
 * (the `img`'s alt) unless `nativeProps.alt` already does, so a reader meets one name, on the picture; a box with
 * a role (a picture to tap) keeps its name as a control.
 */

type ImageEventHandler = (event: { type: string; detail: Record<string, unknown>; target: EventTarget; currentTarget: EventTarget }) => void;

const MODES = new Set(['scaleToFill', 'aspectFit', 'aspectFill', 'widthFix', 'heightFix', 'top', 'bottom', 'center', 'left', 'right', 'top left', 'top right', 'bottom left', 'bottom right']);

const modeClass = (mode: string | undefined) => {
  const known = mode && MODES.has(mode) ? mode : 'scaleToFill';
  return `taro-img__mode-${known.toLowerCase().replace(/\s/g, '')}`;
};

export const Image = forwardRef<HTMLDivElement, ImageProps>(function Image(props, ref) {
  const { src, mode, lazyLoad, className } = props;
  const nativeProps = (props as { nativeProps?: ImgHTMLAttributes<HTMLImageElement> }).nativeProps ?? {};
  const box = domProps(props);
  // A box that is a control (a role: tap to enlarge) keeps its own name; a plain picture's name moves to the img.
  const label = box['aria-label'];
  if (typeof label === 'string' && box.role === undefined) delete box['aria-label'];
  const alt = nativeProps.alt ?? (typeof label === 'string' ? label : undefined);
  const onLoad = props.onLoad as ImageEventHandler | undefined;
  const onError = props.onError as ImageEventHandler | undefined;
  const emit = (handler: ImageEventHandler | undefined, event: SyntheticEvent<HTMLImageElement>, detail: Record<string, unknown>) =>
    handler?.({ type: event.type, detail, target: event.target, currentTarget: event.currentTarget });
  return (
    <div ref={ref} {...box} className={classNames('taro-img', mode === 'widthFix' && 'taro-img--width-fix', mode === 'heightFix' && 'taro-img--height-fix', className)}>
      {src ? (
        <img
          className={modeClass(mode)}
          src={src}
          alt={alt}
          loading={lazyLoad ? 'lazy' : undefined}
          onLoad={onLoad ? (event) => emit(onLoad, event, { width: event.currentTarget.width, height: event.currentTarget.height }) : undefined}
          onError={onError ? (event) => emit(onError, event, { errMsg: `loading ${src} failed` }) : undefined}
          {...nativeProps}
        />
      ) : null}
    </div>
  );
});
