/** One line of the audit log: who did what to which lead, when. Never contact data. */
export interface AuditEntry {
  _id: string;
  /** contact_revealed: the reveal step; facts_set / stage_confirmed: what the numbers are made of. */
  action: 'contact_revealed' | 'facts_set' | 'stage_confirmed' | 'first_report_disputed' | 'first_report_decided' | 'participant_contact_shared' | 'participant_contact_unshared' | 'participant_removed';
  leadId: string;
  districtId: string;
  staffId: string;
  at: string;
  [k: string]: unknown;
}
