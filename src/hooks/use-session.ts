import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../domain/api/contract';
import { whoAmIContract } from '../../domain/api/public-read.contracts';
import { call } from '../services/api-client';

export type SessionKind = ResponseOf<typeof whoAmIContract>['kind'];
export type SessionStaff = NonNullable<ResponseOf<typeof whoAmIContract>['staff']>;

export interface SessionState {
  /** 'loading' until the backend answered (and while disabled); a failed call counts as anonymous (links stay hidden). */
  status: 'loading' | 'ready';
  kind: SessionKind;
  staff: SessionStaff | null;
  reload: () => Promise<void>;
  /** 我的咨询; `cardId` lets its empty state lead back to the card the investor came from. */
  openMyLeads: (cardId?: string) => void;
  openWorkspace: () => void;
  openStaffBind: () => void;
}

export const MY_LEADS_PAGE = '/pages/my-leads/index';
export const WORKSPACE_PAGE = '/staff/inbox/index';
export const STAFF_BIND_PAGE = '/staff/bind/index';

export const CARD_PAGE = '/pages/card/index';

const go = (url: string): void => {
  Taro.navigateTo({ url }).catch(() => {
    // The page stack is full (10 pages in WeChat): replace the current page instead.
    Taro.redirectTo({ url }).catch(() => undefined);
  });
};

/**
 * Back to the card a visit came from: one step back when the card is right below this page, otherwise the
 * card itself replaces this page (opened from a notification or a link, there is nothing to go back to).
 */
export const backToCard = (cardId?: string): void => {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  const below = pages.length > 1 ? pages[pages.length - 2] : null;
  if (below && `/${below.route ?? ''}`.replace(/^\/+/, '/') === CARD_PAGE) {
    Taro.navigateBack({ delta: 1 }).catch(() => undefined);
    return;
  }
  const url = cardId ? `${CARD_PAGE}?cardId=${encodeURIComponent(cardId)}` : CARD_PAGE;
  Taro.redirectTo({ url }).catch(() => undefined);
};

export interface SessionOptions {
  /**
   * False: ask nothing and stay anonymous (Moments single-page mode, where nobody can be identified and the
   * answer would go unused; or a page that waits for its own content first). Turning true asks once.
   */
  enabled?: boolean;
}

/** Who the caller is (`session.whoami`), and the places their account opens. */
export const useSession = ({ enabled = true }: SessionOptions = {}): SessionState => {
  const [state, setState] = useState<{ status: SessionState['status']; kind: SessionKind; staff: SessionStaff | null }>({
    status: 'loading',
    kind: 'anonymous',
    staff: null,
  });
  const latest = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    const ticket = ++latest.current;
    try {
      const who = await call(whoAmIContract, {});
      if (ticket === latest.current) setState({ status: 'ready', kind: who.kind, staff: who.staff });
    } catch {
      if (ticket === latest.current) setState({ status: 'ready', kind: 'anonymous', staff: null });
    }
  }, []);

  useEffect(() => {
    if (!enabled) return undefined;
    void load();
    return () => {
      latest.current += 1;
    };
  }, [load, enabled]);

  return {
    ...state,
    reload: load,
    openMyLeads: (cardId) => go(cardId ? `${MY_LEADS_PAGE}?cardId=${encodeURIComponent(cardId)}` : MY_LEADS_PAGE),
    openWorkspace: () => go(WORKSPACE_PAGE),
    openStaffBind: () => go(STAFF_BIND_PAGE),
  };
};
