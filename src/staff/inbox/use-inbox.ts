import { useCallback, useEffect, useRef, useState } from 'react';
import { inboxContract, INBOX_TABS, type StaffLeadSummary } from '../../../domain/api/workspace.contracts';
import { ApiError, call, toApiError } from '../../services/api-client';

export type InboxTab = (typeof INBOX_TABS)[number];
export type InboxCounts = Record<InboxTab, number>;

export const PAGE_SIZE = 20;

interface TabList {
  status: 'loading' | 'ready' | 'error';
  items: StaffLeadSummary[];
  nextCursor: string | null;
  error: ApiError | null;
}

export interface InboxState {
  tab: InboxTab;
  setTab: (tab: InboxTab) => void;
  /** From the latest answer; null before the first one. */
  counts: InboxCounts | null;
  status: TabList['status'];
  items: StaffLeadSummary[];
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** Next page by cursor; no-op while one is loading or when there is none. */
  loadMore: () => Promise<void>;
  /** First page of the current tab again (pull-to-refresh, coming back from a lead). */
  refresh: () => Promise<void>;
}

const emptyList = (): TabList => ({ status: 'loading', items: [], nextCursor: null, error: null });

/**
 * Where an inbox opened on 我的 should land once the counts are known: 我的 when it has leads, else the first
 * tab that has some (a referrer whose only leads others handle lands on 我推荐的), else 我的 with its empty state.
 */
export const landingTab = (counts: InboxCounts): InboxTab => (counts.mine > 0 ? 'mine' : (INBOX_TABS.find((t) => counts[t] > 0) ?? 'mine'));

/**
 * 线索收件箱: five tabs (mine / unit / pool / referred / participating) with counts, overdue first (the backend's order), paged by
 * cursor. Without an explicit tab it opens on 我的 and, on the first answer, moves to `landingTab` unless the
 * user has already picked a tab.
 */
export const useInbox = (initialTab?: InboxTab): InboxState => {
  const [tab, setTabState] = useState<InboxTab>(initialTab ?? 'mine');
  const mayLand = useRef(initialTab === undefined);
  const [lists, setLists] = useState<Record<InboxTab, TabList>>({ mine: emptyList(), unit: emptyList(), pool: emptyList(), referred: emptyList(), participating: emptyList() });
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Answers for a tab are applied only if no newer first-page request for that tab was made meanwhile.
  const tickets = useRef<Record<InboxTab, number>>({ mine: 0, unit: 0, pool: 0, referred: 0, participating: 0 });
  const moreInFlight = useRef(false);

  const loadFirst = useCallback(async (which: InboxTab): Promise<void> => {
    const ticket = ++tickets.current[which];
    setLists((all) => ({ ...all, [which]: all[which].items.length ? { ...all[which], error: null } : emptyList() }));
    try {
      const page = await call(inboxContract, { tab: which, limit: PAGE_SIZE });
      if (ticket !== tickets.current[which]) return;
      if (page.counts) setCounts(page.counts);
      setLists((all) => ({ ...all, [which]: { status: 'ready', items: page.items, nextCursor: page.nextCursor, error: null } }));
      if (mayLand.current && page.counts) {
        mayLand.current = false;
        const landing = landingTab(page.counts);
        if (landing !== which) setTabState(landing);
      }
    } catch (e) {
      if (ticket !== tickets.current[which]) return;
      const error = toApiError(e);
      setLists((all) => ({ ...all, [which]: all[which].items.length ? { ...all[which], status: 'ready', error } : { ...emptyList(), status: 'error', error } }));
    }
  }, []);

  useEffect(() => {
    void loadFirst(tab);
  }, [tab, loadFirst]);

  const current = lists[tab];

  const loadMore = async (): Promise<void> => {
    const cursor = current.nextCursor;
    if (!cursor || moreInFlight.current || current.status !== 'ready') return;
    moreInFlight.current = true;
    setLoadingMore(true);
    const which = tab;
    const ticket = tickets.current[which];
    try {
      const page = await call(inboxContract, { tab: which, cursor, limit: PAGE_SIZE });
      if (ticket !== tickets.current[which]) return;
      // Later pages carry no counts (they cost requests); the first page's stay.
      if (page.counts) setCounts(page.counts);
      setLists((all) => {
        const known = new Set(all[which].items.map((l) => l.id));
        return {
          ...all,
          [which]: { ...all[which], items: [...all[which].items, ...page.items.filter((l) => !known.has(l.id))], nextCursor: page.nextCursor, error: null },
        };
      });
    } catch (e) {
      if (ticket === tickets.current[which]) setLists((all) => ({ ...all, [which]: { ...all[which], error: toApiError(e) } }));
    } finally {
      moreInFlight.current = false;
      setLoadingMore(false);
    }
  };

  return {
    tab,
    setTab: (next: InboxTab) => {
      mayLand.current = false;
      setTabState(next);
    },
    counts,
    status: current.status,
    items: current.items,
    error: current.error,
    hasMore: Boolean(current.nextCursor),
    loadingMore,
    loadMore,
    refresh: () => loadFirst(tab),
  };
};
