/**
 * Every collection and the indexes its queries rely on. The SQLite adapter creates these indexes itself;
 * for WeChat cloud, `npm run build:functions` writes them to build/cloud-db/indexes.json for the console.
 * Field lists are in query order: equality fields first, then the sort field.
 */
export interface CollectionSpec {
  name: string;
  indexes: Array<{ name: string; fields: string[]; unique?: boolean }>;
}

export const COLLECTIONS = {
  districts: { name: 'districts', indexes: [] },
  units: { name: 'units', indexes: [{ name: 'by_district', fields: ['districtId'] }] },
  staff: {
    name: 'staff',
    indexes: [
      { name: 'by_openid', fields: ['openid'] },
      { name: 'by_district_unit', fields: ['districtId', 'unitId'] },
      { name: 'by_invite', fields: ['inviteCode'] },
    ],
  },
  cards: { name: 'cards', indexes: [{ name: 'by_staff', fields: ['staffId'] }, { name: 'by_district', fields: ['districtId'] }] },
  carriers: {
    name: 'carriers',
    indexes: [
      { name: 'by_district_vacancy', fields: ['districtId', 'vacantArea', '_id'] },
      { name: 'by_district_type_vacancy', fields: ['districtId', 'type', 'vacantArea', '_id'] },
      { name: 'by_district_price', fields: ['districtId', 'priceMin', '_id'] },
      { name: 'by_district_verified', fields: ['districtId', 'lastVerifiedAt', '_id'] },
      // Type tabs sorted by price or freshness: without the type in the index a tab scans every other type first.
      { name: 'by_district_type_price', fields: ['districtId', 'type', 'priceMin', '_id'] },
      { name: 'by_district_type_verified', fields: ['districtId', 'type', 'lastVerifiedAt', '_id'] },
      // An offboarding handover finds the carriers a person manages.
      { name: 'by_manager', fields: ['managerStaffId'] },
    ],
  },
  leads: {
    name: 'leads',
    indexes: [
      { name: 'by_handler', fields: ['handling.staffId', 'sla.escalation', 'createdAt', '_id'] },
      { name: 'by_handling_unit', fields: ['handling.unitId', 'sla.escalation', 'createdAt', '_id'] },
      { name: 'by_pool', fields: ['handling.unitId', 'handling.staffId', 'sla.escalation', 'createdAt', '_id'] },
      { name: 'by_referrer', fields: ['credit.staffId', 'sla.escalation', 'createdAt', '_id'] },
      { name: 'by_submitter', fields: ['submitter.openid', 'createdAt'] },
      { name: 'by_open_unanswered', fields: ['sla.firstRespondedAt', 'status', 'createdAt'] },
      { name: 'by_followup_due', fields: ['sla.followUpDueAt'] },
      { name: 'by_district_created', fields: ['districtId', 'createdAt'] },
    ],
  },
  leadEvents: { name: 'lead_events', indexes: [{ name: 'by_lead', fields: ['leadId', 'at'] }] },
  shares: { name: 'shares', indexes: [{ name: 'by_card', fields: ['cardId', 'createdAt'] }, { name: 'by_card_depth', fields: ['cardId', 'depth'] }, { name: 'by_sharer', fields: ['cardId', 'sharerStaffId', 'sharerVisitorHash', 'parentCode', 'channel'] }] },
  views: { name: 'views', indexes: [{ name: 'by_card_day', fields: ['cardId', 'day'] }, { name: 'by_card_channel', fields: ['cardId', 'channel'] }] },
  cardVisitors: { name: 'card_visitors', indexes: [{ name: 'by_card', fields: ['cardId'] }] },
  rateCounters: { name: 'rate_counters', indexes: [] },
  outbox: { name: 'notification_outbox', indexes: [{ name: 'by_status', fields: ['status', 'createdAt'] }] },
  audit: { name: 'audit_log', indexes: [{ name: 'by_lead', fields: ['leadId', 'at'] }, { name: 'by_district_at', fields: ['districtId', 'at', '_id'] }] },
  teams: { name: 'teams', indexes: [{ name: 'by_district', fields: ['districtId', '_id'] }] },
  /** One document per district and day, `_id` = `<districtId>:<YYYY-MM-DD>`, read by id. */
  dutyRota: { name: 'duty_rota', indexes: [] },
  /** Carriers taken off the market: moved here whole, so no public query can ever list them. */
  carriersWithdrawn: { name: 'carriers_withdrawn', indexes: [{ name: 'by_district', fields: ['districtId', '_id'] }] },
  /** One-tap vacancy confirmation links; `_id` is a hash of the token, never the token itself. */
  /** Chunks of an uploaded import file, `_id` = `<uploadId>:<index>`, read by id. */
  importChunks: { name: 'import_chunks', indexes: [] },
  /** Offboarding handovers, read by id (the report) — resumable item by item. */
  handovers: { name: 'handovers', indexes: [] },
  vacancyTokens: { name: 'vacancy_tokens', indexes: [{ name: 'by_district_created', fields: ['districtId', 'createdAt'] }] },
} as const satisfies Record<string, CollectionSpec>;

export const ALL_COLLECTIONS: CollectionSpec[] = Object.values(COLLECTIONS);
