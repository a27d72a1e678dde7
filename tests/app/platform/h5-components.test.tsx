import { act, fireEvent, render } from '@testing-library/react';
import { createRef } from 'react';
import { decorativeImage, imageAlt, PAGE_HEADING, tappable } from '../../../src/components/a11y';
import { Image } from '../../../src/platform/h5-components/image';
import { Text } from '../../../src/platform/h5-components/text';
import { View } from '../../../src/platform/h5-components/view';

/**
 * The plain elements the H5 build draws View, Text and Image with (config/h5-component-imports.ts): what Taro's
 * Stencil elements put on the page, the page gets from them — attributes, roles, events, Taro's class names.
 */

describe('View', () => {
  it('is a div with the page’s class, test id, role, keyboard handler and aria attributes; Taro-only props stay off', () => {
    const onClick = jest.fn();
    const { container } = render(
      <View className="card" data-testid="tile" onClick={onClick} {...tappable({ label: '拨打电话' })} aria-live="polite" catchMove>
        内容
      </View>,
    );
    const div = container.firstElementChild as HTMLElement;
    expect(div.tagName).toBe('DIV');
    expect(div.className).toBe('card');
    expect(div.getAttribute('data-testid')).toBe('tile');
    expect(div.getAttribute('role')).toBe('button');
    expect(div.getAttribute('tabindex')).toBe('0');
    expect(div.getAttribute('aria-label')).toBe('拨打电话');
    expect(div.getAttribute('aria-live')).toBe('polite');
    expect(div.hasAttribute('catchmove')).toBe(false);
    expect(div.hasAttribute('catchMove')).toBe(false);
    fireEvent.click(div);
    expect(onClick).toHaveBeenCalledTimes(1);
    // Enter presses it, as a native button (src/components/a11y).
    fireEvent.keyDown(div, { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(2);
  });

  it('spells camelCase aria props as attributes, as Taro’s proxies do', () => {
    const { container } = render(<View {...({ ariaLabel: '地图', ariaHidden: 'true' } as object)} />);
    const div = container.firstElementChild as HTMLElement;
    expect(div.getAttribute('aria-label')).toBe('地图');
    expect(div.getAttribute('aria-hidden')).toBe('true');
  });

  it('adds hoverClass 50 ms into a touch and drops it 400 ms after, passing the touch on', () => {
    jest.useFakeTimers();
    try {
      const onTouchStart = jest.fn();
      const { container } = render(
        <View className="row" hoverClass="row--pressed" onTouchStart={onTouchStart}>
          行
        </View>,
      );
      const div = container.firstElementChild as HTMLElement;
      fireEvent.touchStart(div);
      expect(onTouchStart).toHaveBeenCalledTimes(1);
      expect(div.className).toBe('row');
      act(() => jest.advanceTimersByTime(50));
      expect(div.className).toBe('row row--pressed');
      fireEvent.touchEnd(div);
      act(() => jest.advanceTimersByTime(399));
      expect(div.className).toBe('row row--pressed');
      act(() => jest.advanceTimersByTime(1));
      expect(div.className).toBe('row');
      // A tap shorter than the start delay never shows the class.
      fireEvent.touchStart(div);
      fireEvent.touchEnd(div);
      act(() => jest.advanceTimersByTime(1000));
      expect(div.className).toBe('row');
    } finally {
      jest.useRealTimers();
    }
  });

  it('forwards its ref to the element', () => {
    const ref = createRef<HTMLDivElement>();
    render(<View ref={ref} id="x" />);
    expect(ref.current?.id).toBe('x');
  });
});

describe('Text', () => {
  it('is a span with Taro’s class, the page’s class after it, heading role and content language', () => {
    const { container } = render(
      <Text className="title" {...PAGE_HEADING} {...{ lang: 'zh', 'data-content-lang': 'zh' }}>
        青浦
      </Text>,
    );
    const span = container.firstElementChild as HTMLElement;
    expect(span.tagName).toBe('SPAN');
    expect(span.className).toBe('taro-text title');
    expect(span.getAttribute('role')).toBe('heading');
    expect(span.getAttribute('aria-level')).toBe('1');
    expect(span.getAttribute('lang')).toBe('zh');
    expect(span.textContent).toBe('青浦');
  });

  it('is selectable only when asked; keeps white space and clamps lines when asked', () => {
    const { container } = render(
      <>
        <Text userSelect>13800138000</Text>
        <Text space="nbsp">a b</Text>
        <Text numberOfLines={2} style={{ color: 'red' }}>
          长文
        </Text>
      </>,
    );
    const [phone, spaced, clamped] = Array.from(container.children) as HTMLElement[];
    expect(phone?.className).toBe('taro-text taro-text--selectable');
    expect(phone?.hasAttribute('userselect')).toBe(false);
    expect(spaced?.className).toBe('taro-text taro-text--space-nbsp');
    expect(clamped?.className).toBe('taro-text taro-text--clamped');
    expect(clamped?.style.color).toBe('red');
    // jsdom's style object drops -webkit-line-clamp: the element Text hands React carries it.
    const element = (Text as unknown as { render: (p: object, r: null) => { props: { style?: object } } }).render({ numberOfLines: 3, children: '长文' }, null);
    expect(element.props.style).toEqual({ WebkitLineClamp: 3 });
  });
});

describe('Image', () => {
  it('is Taro’s box around an img that fills it by mode; the picture carries the name', () => {
    const { container } = render(<Image className="cover" src="/assets/a.png" mode="aspectFill" {...imageAlt('园区照片')} />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.className).toBe('taro-img cover');
    // One name, on the picture (not also on the box).
    expect(box.hasAttribute('aria-label')).toBe(false);
    const img = box.querySelector('img') as HTMLImageElement;
    expect(img.className).toBe('taro-img__mode-aspectfill');
    expect(img.getAttribute('src')).toBe('/assets/a.png');
    expect(img.getAttribute('alt')).toBe('园区照片');
    expect(img.hasAttribute('loading')).toBe(false);
  });

  it('keeps the name of a picture that is a control on the control, the picture named by its alt', () => {
    const { container } = render(<Image className="qr" src="/qr.png" {...imageAlt('微信二维码')} {...tappable({ label: '放大二维码' })} />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.getAttribute('role')).toBe('button');
    expect(box.getAttribute('aria-label')).toBe('放大二维码');
    expect(box.querySelector('img')?.getAttribute('alt')).toBe('微信二维码');
  });

  it('names the picture from aria-label alone, hides a decorative one, and defaults an unknown mode to scaleToFill', () => {
    const { container } = render(
      <>
        <Image src="/b.png" mode="widthFix" aria-label="简报分享图" />
        <Image src="/c.png" mode={'sideways' as 'aspectFit'} {...decorativeImage()} />
      </>,
    );
    const [named, decorative] = Array.from(container.children) as HTMLElement[];
    expect(named?.className).toBe('taro-img taro-img--width-fix');
    expect(named?.querySelector('img')?.getAttribute('alt')).toBe('简报分享图');
    expect(named?.querySelector('img')?.className).toBe('taro-img__mode-widthfix');
    expect(decorative?.getAttribute('aria-hidden')).toBe('true');
    expect(decorative?.querySelector('img')?.getAttribute('alt')).toBe('');
    expect(decorative?.querySelector('img')?.getAttribute('aria-hidden')).toBe('true');
    expect(decorative?.querySelector('img')?.className).toBe('taro-img__mode-scaletofill');
  });

  it('draws no img without a source, lets the browser defer a lazy one, and reports load and error as Taro does', () => {
    const onLoad = jest.fn();
    const onError = jest.fn();
    const { container } = render(
      <>
        <Image src="" />
        <Image src="/d.png" lazyLoad onLoad={onLoad} onError={onError} />
      </>,
    );
    const [empty, lazy] = Array.from(container.children) as HTMLElement[];
    expect(empty?.querySelector('img')).toBeNull();
    const img = lazy?.querySelector('img') as HTMLImageElement;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(lazy?.hasAttribute('lazyload')).toBe(false);
    fireEvent.load(img);
    expect(onLoad).toHaveBeenCalledWith(expect.objectContaining({ type: 'load', detail: { width: expect.any(Number), height: expect.any(Number) } }));
    fireEvent.error(img);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', detail: { errMsg: 'loading /d.png failed' } }));
  });
});
