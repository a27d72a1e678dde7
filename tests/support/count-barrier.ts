import type { DocumentStore, Where } from '../../cloudfunctions/_lib/store/store-port';

/**
 * Makes `parties` callers meet after a count whose condition names `field`: each gets its answer, then waits until
 * all have theirs, so concurrent use cases all decide on the same count before any of them writes — the race a
 * check-then-write would lose. Only the first meeting is held (later counts pass straight through); `release`
 * puts the store's own count back. `met` says whether the meeting happened (a test that never raced proves nothing).
 */
export const holdCountsUntilAllArrive = (store: DocumentStore, field: string, parties: number) => {
  const original = store.count.bind(store);
  const waiting: Array<() => void> = [];
  const state = { met: false };
  store.count = async (collection: string, where?: Where) => {
    const answer = await original(collection, where);
    if (!state.met && where && field in where) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === parties) {
          state.met = true;
          for (const go of waiting) go();
        }
      });
    }
    return answer;
  };
  return {
    get met() {
      return state.met;
    },
    release() {
      store.count = original;
    },
  };
};
