import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../domain/api/contract';
import { whoAmIContract } from '../../domain/api/public-read.contracts';
import { openPage, ROUTES } from '../routes';
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

/**
 * Back to the card a visit came from: one step back when the card is right below this page, otherwise the
 * card itself replaces this page (opened from a notification or a link, there is nothing to go back to).
 */
export const backToCard = (cardId?: string): void => openPage(ROUTES.card, { cardId }, 'back');

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
    openMyLeads: (cardId) => openPage(ROUTES.myLeads, { cardId }),
    openWorkspace: () => openPage(ROUTES.staffInbox),
    openStaffBind: () => openPage(ROUTES.staffBind),
  };
};
