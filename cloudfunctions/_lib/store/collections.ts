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
  // A bare link opens the first district (firstDistrict: sorted by creation).
  // A city admin's districts (listCityDistricts: by city, in id order).
  districts: { name: 'districts', indexes: [{ name: 'by_created', fields: ['createdAt'] }, { name: 'by_city', fields: ['cityId', '_id'] }] },
  units: { name: 'units', indexes: [{ name: 'by_district', fields: ['districtId', '_id'] }] },
  staff: {
    name: 'staff',
    indexes: [
      { name: 'by_openid', fields: ['openid'] },
      { name: 'by_district_unit', fields: ['districtId', 'unitId'] },
      { name: 'by_invite', fields: ['inviteCode'] },
      { name: 'by_invite_hash', fields: ['inviteCodeHash'] },
      // The directory and the card editor list a district's active people by id.
      { name: 'by_district_status', fields: ['districtId', 'status', '_id'] },
      // Everyone of a district, any status (the office's lists, the intake's routing context).
      { name: 'by_district', fields: ['districtId', '_id'] },
    ],
  },
  cards: { name: 'cards', indexes: [{ name: 'by_staff', fields: ['staffId', '_id'] }, { name: 'by_district', fields: ['districtId', '_id'] }, { name: 'by_on_duty', fields: ['onDutyStaffId', '_id'] }] },
  carriers: {
    name: 'carriers',
    indexes: [
      { name: 'by_district_vacancy', fields: ['districtId', 'vacantArea', '_id'] },
      { name: 'by_district_type_vacancy', fields: ['districtId', 'type', 'vacantArea', '_id'] },
      // Price sorts group by unit (prices in different units do not compare), then order by price.
      { name: 'by_district_price', fields: ['districtId', 'priceUnit', 'priceMin', '_id'] },
      { name: 'by_district_verified', fields: ['districtId', 'lastVerifiedAt', '_id'] },
      // Type tabs sorted by price or freshness: without the type in the index a tab scans every other type first.
      { name: 'by_district_type_price', fields: ['districtId', 'type', 'priceUnit', 'priceMin', '_id'] },
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
      { name: 'by_submitter', fields: ['submitter.openid', 'createdAt', '_id'] },
      { name: 'by_web_visitor', fields: ['submitter.visitor', 'createdAt', '_id'] },
      { name: 'by_open_unanswered', fields: ['sla.firstRespondedAt', 'status', 'createdAt', '_id'] },
      { name: 'by_followup_due', fields: ['sla.followUpDueAt', '_id'] },
      { name: 'by_district_created', fields: ['districtId', 'createdAt'] },
      // The SLA timer: leads whose next rung is due, in due order; and open leads it has not scheduled yet.
      { name: 'by_escalation_due', fields: ['sla.nextEscalationAt', '_id'] },
      { name: 'by_escalation_unscheduled', fields: ['sla.nextEscalationAt', 'sla.firstRespondedAt', 'status', 'sla.escalation', '_id'] },
      // A district's waiting leads, taken off the schedule when its SLA settings change.
      { name: 'by_district_waiting', fields: ['districtId', 'sla.firstRespondedAt', 'status', '_id'] },
      // Card stats: a card's leads (by week, by channel), and a person's answered leads, newest first.
      { name: 'by_card_created', fields: ['source.cardId', 'createdAt'] },
      { name: 'by_handler_created', fields: ['handling.staffId', 'createdAt'] },
      // Tap-through from a dashboard figure: a district's inquiries of a period, in arrival order.
      { name: 'by_district_created_id', fields: ['districtId', 'createdAt', '_id'] },
      // 擂台赛: a district's bureau-confirmed 签约 / 落地 by the day the bureau named.
      { name: 'by_district_signed_confirmed', fields: ['districtId', 'confirmations.signed.date', '_id'] },
      { name: 'by_district_landed_confirmed', fields: ['districtId', 'confirmations.landed.date', '_id'] },
      // Dashboards: owed an answer (unanswered, new, reachable) past the promise right now, for a district, a
      // handling unit, a handler (countOverdueLeads).
      { name: 'by_district_unanswered_due', fields: ['districtId', 'sla.firstRespondedAt', 'status', 'privacy.consentWithdrawnAt', 'privacy.anonymisedAt', 'sla.firstResponseDueAt'] },
      { name: 'by_unit_unanswered_due', fields: ['handling.unitId', 'sla.firstRespondedAt', 'status', 'privacy.consentWithdrawnAt', 'privacy.anonymisedAt', 'sla.firstResponseDueAt'] },
      { name: 'by_handler_unanswered_due', fields: ['handling.staffId', 'sla.firstRespondedAt', 'status', 'privacy.consentWithdrawnAt', 'privacy.anonymisedAt', 'sla.firstResponseDueAt'] },
      // The retention timer: a district's closed leads not yet anonymised, oldest last change first.
      { name: 'by_district_retention', fields: ['districtId', 'privacy.anonymisedAt', 'status', 'updatedAt', '_id'] },
      // 认领: a person's claimed, still-open pool leads (the district's limit); claimed leads due an idle check.
      { name: 'by_pool_holder', fields: ['handling.staffId', 'pool.heldBy', 'status'] },
      { name: 'by_pool_check', fields: ['pool.checkAt', '_id'] },
      // 首报: a district's reports of one company, by credit code or by the confirmed name's key and phone.
      { name: 'by_district_credit_code', fields: ['districtId', 'facts.creditCode', 'createdAt', '_id'] },
      { name: 'by_district_company_phone', fields: ['districtId', 'facts.companyKey', 'contact.phone', 'createdAt', '_id'] },
      // The district admin's 首报 disputes, by status, oldest first.
      { name: 'by_district_dispute', fields: ['districtId', 'firstReportDispute.status', 'firstReportDispute.raisedAt', '_id'] },
      // 我参与的: the leads a carrier manager was brought into, overdue first, newest next (an array field: `has`).
      { name: 'by_participant', fields: ['participantStaffIds', 'sla.escalation', 'createdAt', '_id'] },
    ],
  },
  leadEvents: {
    name: 'lead_events',
    indexes: [
      { name: 'by_lead', fields: ['leadId', 'at', '_id'] },
      // 擂台赛 penalty: a district's closings as invalid in a period, by when (a lead reopened since keeps its event).
      { name: 'by_district_closing', fields: ['districtId', 'type', 'data.to', 'at', '_id'] },
      // 首报 in a late snapshot: the competing reports' status changes up to the lock moment.
      { name: 'by_lead_type', fields: ['leadId', 'type', 'at', '_id'] },
    ],
  },
  shares: { name: 'shares', indexes: [{ name: 'by_card', fields: ['cardId', 'createdAt'] }, { name: 'by_card_depth', fields: ['cardId', 'depth'] }, { name: 'by_sharer', fields: ['cardId', 'sharerStaffId', 'sharerVisitorHash', 'parentCode', 'channel'] }] },
  // Views are counters (per card and day, plus an all-time row per card); the dedupe marks live one day.
  viewCounts: { name: 'view_counts', indexes: [{ name: 'by_card_day', fields: ['cardId', 'day'] }] },
  viewMarks: { name: 'view_marks', indexes: [{ name: 'by_day', fields: ['day'] }] },
  rateCounters: { name: 'rate_counters', indexes: [{ name: 'by_expiry', fields: ['expiresAt', '_id'] }] },
  outbox: { name: 'notification_outbox', indexes: [{ name: 'by_status', fields: ['status', 'createdAt'] }] },
  audit: { name: 'audit_log', indexes: [{ name: 'by_lead', fields: ['leadId', 'at'] }, { name: 'by_district_at', fields: ['districtId', 'at', '_id'] }] },
  teams: { name: 'teams', indexes: [{ name: 'by_district', fields: ['districtId', '_id'] }] },
  /** One document per district and day, `_id` = `<districtId>:<YYYY-MM-DD>`, read by id. */
  dutyRota: { name: 'duty_rota', indexes: [] },
  /** Carriers taken off the market: moved here whole, so no public query can ever list them. */
  carriersWithdrawn: { name: 'carriers_withdrawn', indexes: [{ name: 'by_district', fields: ['districtId', '_id'] }] },
  /** Chunks of an uploaded import file, `_id` = `<uploadId>:<index>`, read by id. */
  // The timer drops chunks of uploads nobody finished (abandoned photos, imports read long ago) by age.
  importChunks: { name: 'import_chunks', indexes: [{ name: 'by_created', fields: ['createdAt', '_id'] }] },
  /**
   * Carrier photos sent to the image check, `_id` = the check's trace id, read by id when its verdict arrives;
   * the timer finds the checks whose verdict never came by age.
   */
  photoChecks: { name: 'photo_checks', indexes: [{ name: 'by_created', fields: ['createdAt', '_id'] }] },
  /** Data migrations' progress, read by id (`rollups`: the roll-up schema version and the districts done). */
  migrations: { name: 'migrations', indexes: [] },
  /**
   * One document per staff member who ever claimed from the 待认领 pool, `_id` = the staff id, read by id: its
   * `_rev` moves with every claim, in the claim's transaction, so two claims by one person never both pass the limit.
   */
  poolClaimGuards: { name: 'pool_claim_guards', indexes: [] },
  /** Offboarding handovers, read by id (the report) — resumable item by item. */
  handovers: { name: 'handovers', indexes: [] },
  /** One-tap vacancy confirmation links; `_id` is a hash of the token, never the token itself. */
  vacancyTokens: { name: 'vacancy_tokens', indexes: [{ name: 'by_district_created', fields: ['districtId', 'createdAt'] }] },
  /** Solved web challenges, by challenge id: a second use of one is a replay. */
  webChallenges: { name: 'web_challenges', indexes: [{ name: 'by_expiry', fields: ['expiresAt', '_id'] }] },
  /** Claim codes of web inquiries, by a hash of the code: which lead, and who claimed it. */
  leadClaims: { name: 'lead_claims', indexes: [{ name: 'by_lead', fields: ['leadId'] }] },
  // Report roll-ups (day × unit × person × channel × industry × origin), read by district and day range.
  rollups: {
    name: 'report_rollups',
    indexes: [
      { name: 'by_district_day', fields: ['districtId', 'day', '_id'] },
      { name: 'by_district_unit_day', fields: ['districtId', 'unitId', 'day', '_id'] },
      { name: 'by_district_staff_day', fields: ['districtId', 'staffId', 'day', '_id'] },
    ],
  },
  /** Investors' personal-data requests (PIPL): by requester hash for 我的咨询, by district for the office. */
  privacyRequests: {
    name: 'privacy_requests',
    indexes: [
      { name: 'by_requester', fields: ['requesterKey', 'requestedAt', '_id'] },
      { name: 'by_district_requested', fields: ['districtId', 'requestedAt', '_id'] },
    ],
  },
  /** 活动 (fairs, roadshows) staff take inquiries at, listed per district by day. */
  events: { name: 'events', indexes: [{ name: 'by_district_date', fields: ['districtId', 'date', '_id'] }] },
  /** 每月一通报: one per district and month, `_id` = bulletinId(district, month); listed newest first. */
  bulletins: { name: 'bulletins', indexes: [{ name: 'by_district_month', fields: ['districtId', 'month', '_id'] }] },
  /** 擂台赛 locked boards: one per district and period, `_id` = arenaSnapshotId(district, period), read by id. */
  arenaSnapshots: { name: 'arena_snapshots', indexes: [] },
} as const satisfies Record<string, CollectionSpec>;

export const ALL_COLLECTIONS: CollectionSpec[] = Object.values(COLLECTIONS);
