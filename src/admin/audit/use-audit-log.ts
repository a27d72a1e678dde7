import { useState } from 'react';
import { adminAuditListContract } from '../../../domain/api/admin.contracts';
import type { ResponseOf } from '../../../domain/api/contract';
import { useResource } from '../../hooks/use-resource';
import { toApiError } from '../../services/api-client';
import { call } from '../../services/api-client';
import type { ApiError } from '../../services/api-client';

type Entry = ResponseOf<typeof adminAuditListContract>['items'][number];

/** 操作记录, newest first, a page at a time. */
export const useAuditLog = () => {
  const first = useResource<typeof adminAuditListContract.response>({ key: 'admin.audit', fetch: () => call(adminAuditListContract, { limit: 50 }) });
  const [more, setMore] = useState<{ items: Entry[]; cursor: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  return {
    first,
    items,
    error,
    hasMore: cursor !== null,
    loadMore: async () => {
      if (!cursor) return;
      try {
        const r = await call(adminAuditListContract, { limit: 50, cursor });
        setMore({ items: [...(more?.items ?? []), ...r.items], cursor: r.nextCursor });
      } catch (e) {
        setError(toApiError(e));
      }
    },
  };
};
