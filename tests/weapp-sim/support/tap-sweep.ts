import type { MiniProgram, SimulatedPage } from './mini-program';
import { elementsOf, type WxmlElement } from './wxml-renderer';

export interface SweepOptions {
  /** Taps at most this many elements of one kind (tag and class), e.g. two rows of a list of forty. */
  perKind?: number;
  /** Called after each tap while the swept page is on top. */
  afterTap?: (page: SimulatedPage) => void;
}

const kindOf = (node: WxmlElement): string => `${node.tag}.${String(node.attr?.class ?? '')}`;

/**
 * Taps every tappable element the page shows on first render, once each (bounded per kind), the way a curious
 * user would; when a tap opens another page, goes back first. Returns how many elements were tapped.
 */
export const tapEverything = async (app: MiniProgram, page: SimulatedPage, options: SweepOptions = {}): Promise<number> => {
  const perKind = options.perKind ?? Number.POSITIVE_INFINITY;
  const seen = new Map<string, number>();
  const targets = page
    .tappables()
    .filter((node) => {
      const kind = kindOf(node);
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      return Boolean(node.attr?.id) && (seen.get(kind) ?? 0) <= perKind;
    })
    .map((node) => String(node.attr?.id));
  let tapped = 0;
  for (const id of targets) {
    while (app.top() !== page && app.pages.length > 1 && app.pages.includes(page)) {
      (app.fake.wx.navigateBack as (o: unknown) => void)({});
      await app.settle();
    }
    if (app.top() !== page) break;
    const target = elementsOf(page.render().root).find((e) => e.node.attr?.id === id)?.node;
    if (!target) continue;
    await page.tapElement(target);
    tapped += 1;
    if (app.top() === page) options.afterTap?.(page);
  }
  return tapped;
};
