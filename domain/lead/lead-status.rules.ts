/** The lead pipeline as used by 招商 bureaus: 新线索 → 已联系 → 实地考察 → 洽谈 → 签约 → 落地, or 无效. */
export const LEAD_STATUSES = ['new', 'contacted', 'site_visit', 'negotiating', 'signed', 'landed', 'invalid'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: '新线索',
  contacted: '已联系',
  site_visit: '实地考察',
  negotiating: '洽谈',
  signed: '签约',
  landed: '落地',
  invalid: '无效',
};

const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['contacted', 'invalid'],
  contacted: ['site_visit', 'negotiating', 'invalid'],
  site_visit: ['negotiating', 'invalid'],
  negotiating: ['signed', 'invalid'],
  signed: ['landed'],
  landed: [],
  // A lead marked invalid by mistake can be reopened; it restarts as contacted (someone did talk to them).
  invalid: ['contacted'],
};

export const allowedNextStatuses = (from: LeadStatus): readonly LeadStatus[] => NEXT[from];

export const canTransition = (from: LeadStatus, to: LeadStatus): boolean => NEXT[from].includes(to);

/** How far a lead got, for the quarterly 擂台赛 score: 0 (new/invalid) … 5 (landed). */
export const progressStage = (status: LeadStatus): number =>
  status === 'invalid' ? 0 : LEAD_STATUSES.indexOf(status);

export const isOpen = (status: LeadStatus): boolean => status !== 'landed' && status !== 'invalid';
