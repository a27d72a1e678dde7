/**
 * An audit record of the district office: who, when, what, before and after (plain JSON snapshots). The same
 * collection holds the workspace's contact reveals (`contact_revealed`: leadId, staffId, at), which lack the
 * office's fields; readers must allow for both.
 */
export interface AdminAuditEntry {
  _id: string;
  districtId: string;
  /** `district.update`, `unit.create`, `staff.revoke`, … */
  action: string;
  target: { kind: 'district' | 'unit' | 'team' | 'rota' | 'staff' | 'carrier' | 'lead' | 'card' | 'privacy_request'; id: string };
  /** The acting staff member; null for an external manager confirming through a link. */
  staffId: string | null;
  actorName: string;
  at: string;
  before: unknown;
  after: unknown;
  [k: string]: unknown;
}
