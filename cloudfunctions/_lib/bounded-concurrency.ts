/**
 * Runs `work` over `items` with at most `limit` in flight, in order of start. Once `stop()` answers true no
 * new item is started (those in flight finish). Resolves with how many were started; `work` must not throw.
 */
export const forEachBounded = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<number> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return next;
};
