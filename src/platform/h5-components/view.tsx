import type { ViewProps } from '@tarojs/components';
import { forwardRef, useEffect, useRef, useState, type ForwardedRef, type TouchEvent } from 'react';
import { classNames, domProps } from './dom-props';

/**
 * Taro's View on H5 as a plain `div` (config/h5-component-imports.ts maps `View` here for the H5 build only).
 * Taro's own draws a Stencil custom element per View, and upgrading a page's hundreds of them was most of the
 * card page's first render under a slow CPU (#12). `hoverClass` works as Taro's does: added 50 ms into a touch,
 * removed 400 ms after it ends (or the times given).
 */

type TouchHandler = (event: TouchEvent<HTMLDivElement>) => void;

const HoverView = ({ props, forwardedRef }: { props: ViewProps; forwardedRef: ForwardedRef<HTMLDivElement> }) => {
  const { hoverClass, hoverStartTime = 50, hoverStayTime = 400, className } = props;
  const [hover, setHover] = useState(false);
  // One pending change at a time: a touch replaces its release's, a release its touch's (a tap shorter than the
  // start delay never shows the class).
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const hoverAfter = (value: boolean, ms: number) => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => setHover(value), ms);
  };
  const handlers = props as { onTouchStart?: TouchHandler; onTouchEnd?: TouchHandler; onTouchCancel?: TouchHandler };
  const release = (event: TouchEvent<HTMLDivElement>, own?: TouchHandler) => {
    hoverAfter(false, hoverStayTime);
    own?.(event);
  };
  return (
    <div
      ref={forwardedRef}
      {...domProps(props)}
      className={classNames(className, hover && hoverClass)}
      onTouchStart={(event) => {
        hoverAfter(true, hoverStartTime);
        handlers.onTouchStart?.(event);
      }}
      onTouchEnd={(event) => release(event, handlers.onTouchEnd)}
      onTouchCancel={(event) => release(event, handlers.onTouchCancel)}
    >
      {props.children}
    </div>
  );
};

export const View = forwardRef<HTMLDivElement, ViewProps>(function View(props, ref) {
  if (props.hoverClass) return <HoverView props={props} forwardedRef={ref} />;
  return (
    <div ref={ref} {...domProps(props)}>
      {props.children}
    </div>
  );
});
