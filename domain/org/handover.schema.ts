/**
 * An offboarding handover: everything one person holds, moved item by item to successors. Each item moves in its
 * own small transaction together with its status here (a cloud transaction touches documents by id and lives at
 * most 30 s, so one giant transaction is not an option); running it again continues with what is still pending.
 */
export const HANDOVER_ITEM_KINDS = ['lead', 'carrier', 'card'] as const;
export type HandoverItemKind = (typeof HANDOVER_ITEM_KINDS)[number];

export interface HandoverItem {
  kind: HandoverItemKind;
  id: string;
  label: string;
  /** `moved`: done by this handover; `skipped`: no longer held by the leaving person when its turn came. */
  status: 'pending' | 'moved' | 'skipped';
  toStaffId: string;
  at: string | null;
  /**
   * A carrier's open-lead participations that move with it (the leaving person takes part in those leads as this
   * carrier's manager), as listed when the handover started: shown and reported one by one under the carrier.
   */
  movesWith?: HandoverParticipation[];
}

export interface HandoverParticipation {
  leadId: string;
  label: string;
}

export interface Handover {
  _id: string;
  districtId: string;
  fromStaffId: string;
  successors: Record<HandoverItemKind, string>;
  /** Keyed `i0`, `i1`, … (ids may hold characters a field path may not), so one item's status is one field. */
  items: Record<string, HandoverItem>;
  status: 'running' | 'done';
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  [k: string]: unknown;
}

export const handoverItemKey = (index: number): string => `i${index}`;

/** Pending items with their keys, in the order they were listed. */
export const pendingItems = (h: Pick<Handover, 'items'>): Array<[string, HandoverItem]> =>
  Object.entries(h.items)
    .filter(([, i]) => i.status === 'pending')
    .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
