import { readTextScale, TEXT_SCALE_DATA_KEY, textScaleOf, textScaleStyle } from '../../../src/platform/text-scale';
import { withTextScale } from '../../../src/shell/text-scale-host';
import { TEXT_SCALE_DATA_KEY as TEMPLATE_DATA_KEY } from '../../../config/weapp-a11y-plugin';

/** WeChat's font size → the `--text-scale` every page root carries (src/platform/text-scale.ts, src/shell/text-scale-host.ts). */
describe('WeChat font size as the text scale', () => {
  const noSystemInfo = () => null;

  it('takes fontSizeScaleFactor, rounded, between 1 and 2', () => {
    expect(textScaleOf({ fontSizeScaleFactor: 1 }, noSystemInfo)).toBe(1);
    expect(textScaleOf({ fontSizeScaleFactor: 1.4 }, noSystemInfo)).toBe(1.4);
    // 关怀模式 on a 375 screen: 23.8 / 17.
    expect(textScaleOf({ fontSizeScaleFactor: 23.8 / 17 }, noSystemInfo)).toBe(1.4);
    expect(textScaleOf({ fontSizeScaleFactor: 3 }, noSystemInfo)).toBe(2);
    // The smaller setting never makes the text smaller than the design.
    expect(textScaleOf({ fontSizeScaleFactor: 0.94 }, noSystemInfo)).toBe(1);
  });

  it('falls back to fontSizeSetting / 16 where the base library has no factor, and to 1 where it says nothing', () => {
    expect(textScaleOf({}, () => ({ fontSizeSetting: 24 }))).toBe(1.5);
    expect(textScaleOf(null, () => ({ fontSizeSetting: 40 }))).toBe(2);
    expect(textScaleOf({ fontSizeScaleFactor: 'big' }, () => ({ fontSizeSetting: 20 }))).toBe(1.25);
    expect(textScaleOf(null, noSystemInfo)).toBe(1);
    expect(textScaleOf({ fontSizeScaleFactor: Number.NaN }, () => ({ fontSizeSetting: -3 }))).toBe(1);
    // Outside WeChat (here: no getAppBaseInfo) the scale is 1.
    expect(readTextScale()).toBe(1);
  });

  it('sets the page root style as each page loads, before the page’s own onLoad, and keeps what onLoad returns', () => {
    const order: string[] = [];
    const page = { onLoad: jest.fn(function onLoad(this: unknown, query: unknown) {
      order.push(`onLoad ${JSON.stringify(query)}`);
      return 'loaded';
    }) };
    withTextScale(page, () => 1.5);
    const instance = { setData: jest.fn((data: Record<string, unknown>) => order.push(`setData ${JSON.stringify(data)}`)) };
    expect(page.onLoad.call(instance, { cardId: 'c1' })).toBe('loaded');
    expect(order).toEqual([`setData {"${TEXT_SCALE_DATA_KEY}":"--text-scale:1.5"}`, 'onLoad {"cardId":"c1"}']);

    const bare: { onLoad?: (...args: unknown[]) => unknown } = {};
    withTextScale(bare, () => 2);
    const setData = jest.fn();
    bare.onLoad?.call({ setData });
    expect(setData).toHaveBeenCalledWith({ [TEXT_SCALE_DATA_KEY]: textScaleStyle(2) });
  });

  it('binds the same page data key the build’s page templates bind', () => {
    expect(TEMPLATE_DATA_KEY).toBe(TEXT_SCALE_DATA_KEY);
  });
});
