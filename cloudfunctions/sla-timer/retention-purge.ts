import { privacySettingsOf, retentionCutoff } from '../../domain/privacy/privacy-settings';
import type { Deps } from '../_lib/deps';
import { newId } from '../_lib/ids';
import { anonymiseLead, findClosedLeadsPastRetention, listDistrictsForRetention } from '../_lib/repositories/privacy.repository';

/** At most this many leads anonymised per tick (each its own transaction); the next tick continues. */
export const RETENTION_PER_TICK = 100;
const PAGE = 50;
const MAX_DISTRICTS = 100;

/**
 * The retention period the privacy notice states: a closed inquiry (落地 or 无效) whose last change is older than
 * the district's `retentionDays` has its personal data anonymised, the counts kept. Paged, bounded per tick,
 * indexed (`leads.by_district_retention`), audited per lead; a lead that fails is logged and retried next tick.
 */
export const anonymiseExpiredLeads = async (deps: Deps, now: Date, outOfTime: () => boolean, limit = RETENTION_PER_TICK): Promise<number> => {
  let done = 0;
  const at = now.toISOString();
  for (const district of await listDistrictsForRetention(deps.store, MAX_DISTRICTS)) {
    const cutoff = retentionCutoff(now, privacySettingsOf(district));
    for (const status of ['landed', 'invalid'] as const) {
      const failed = new Set<string>();
      while (done < limit && !outOfTime()) {
        const page = (await findClosedLeadsPastRetention(deps.store, district._id, status, cutoff, PAGE + failed.size)).filter((l) => !failed.has(l._id));
        if (page.length === 0) break;
        for (const lead of page) {
          if (done >= limit || outOfTime()) break;
          try {
            const entry = {
              _id: newId('adm', now, deps.randomBytes),
              districtId: district._id,
              action: 'lead.anonymise',
              target: { kind: 'lead' as const, id: lead._id },
              staffId: null,
              actorName: '系统（保存期限届满）',
              at,
              before: null,
              after: { reason: 'retention', retentionDays: privacySettingsOf(district).retentionDays },
            };
            if (await anonymiseLead(deps.store, lead._id, at, 'retention', entry)) done += 1;
          } catch (error) {
            failed.add(lead._id);
            deps.log.error('privacy.retention_failed', { leadId: lead._id, error: error instanceof Error ? error.message : 'unknown' });
          }
        }
        if (failed.size >= PAGE) break;
      }
    }
  }
  return done;
};
