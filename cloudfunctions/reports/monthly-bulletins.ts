import type { District } from '../../domain/org/district.schema';
import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import type { Lead } from '../../domain/lead/lead.schema';
import { firstReports } from '../../domain/ranking/first-report.rules';
import { bulletinId, bulletinMonthDue } from '../../domain/report/bulletin.rules';
import { bulletinTables, type BulletinContent } from '../../domain/report/bulletin-content.rules';
import { districtShareInput } from '../../domain/report/bulletin-share-image.rules';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import { summariseRollups } from '../../domain/report/dashboard.rules';
import { periodContaining, previousPeriod, type Period } from '../../domain/report/period.rules';
import type { Deps } from '../_lib/deps';
import { notifyStaff } from '../_lib/notifications';
import { getBulletin, recordBulletin, recordBulletinEdition } from '../_lib/repositories/bulletin.repository';
import { listConfirmedLeads } from '../_lib/repositories/lead.repository';
import { listDistricts, listUnits } from '../_lib/repositories/org.repository';
import { listRollups } from '../_lib/repositories/rollup.repository';
import { listAllDistrictStaff } from '../_lib/repositories/staff.repository';
import { arenaRanking, lockedSnapshot } from './arena-ranking';
import { bulletinFontPath } from './bulletin-font';
import { renderShareImage } from './bulletin-image';
import { bulletinReadyMessage } from './bulletin-timer';
import { runCityBulletins } from './city-bulletins';
import { renderBulletinPdf } from './bulletin-pdf';
import { periodDays } from './report-scope';
import { tablesToXlsx } from './spreadsheet-writer';

const MAX_DISTRICTS = 50;
const companyOf = (lead: Lead) => lead.facts?.companyName ?? lead.contact.company;

/** What a district's bulletin says for a month: read from roll-ups and the bureau's confirmations, never a recount. */
export const bulletinContentFor = async (deps: Deps, district: District, month: Period): Promise<BulletinContent> => {
  const { fromDay, toDay } = periodDays(month);
  const previous = previousPeriod(month);
  const prev = periodDays(previous);
  // The month's 擂台赛 board exactly as report.arena shows it: the district's weights, the snapshot once locked.
  const [arena, units, rows, previousRows, signed, landed] = await Promise.all([
    arenaRanking(deps, district, month, deps.clock()),
    listUnits(deps.store, district._id),
    listRollups(deps.store, district._id, fromDay, toDay),
    listRollups(deps.store, district._id, prev.fromDay, prev.toDay),
    listConfirmedLeads(deps.store, district._id, 'signed', fromDay, toDay),
    listConfirmedLeads(deps.store, district._id, 'landed', fromDay, toDay),
  ]);
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  const { kept } = firstReports([...new Map([...signed, ...landed].map((l) => [l._id, l])).values()]);
  const signedKept = kept.filter((l) => (l.confirmations?.signed?.date ?? '') >= fromDay && (l.confirmations?.signed?.date ?? '') <= toDay);
  return {
    title: `${district.name} ${month.label}招商工作通报`,
    districtName: district.name,
    monthLabel: month.label,
    previousLabel: previous.label,
    figures: summariseRollups(rows, unitNames),
    previousFigures: summariseRollups(previousRows, unitNames),
    ranking: arena.units.map((l) => ({ rank: l.rank, name: l.name, score: l.score })),
    rankingStatus: { locked: arena.lock.locked, asOf: deps.clock().toISOString(), lockAt: arena.lock.at },
    signedProjects: signedKept.map((l) => ({ company: companyOf(l), unitName: unitNames.get(l.credit.unitId ?? '') ?? '—', investmentWan: l.facts?.investmentWan ?? null, date: l.confirmations?.signed?.date ?? '' })),
  };
};

/** The PDF, workbook and share image of one edition of a district's month, stored (edition 1 at the old fixed paths). */
const renderEdition = async (deps: Deps, district: District, month: Period, edition: number, now: Date) => {
  const content = await bulletinContentFor(deps, district, month);
  const fontPath = await bulletinFontPath(deps.files);
  const pdf = await renderBulletinPdf(content, fontPath, now);
  const xlsx = await tablesToXlsx(bulletinTables(content));
  const { png } = await renderShareImage(districtShareInput(content), fontPath);
  // Fixed paths per edition: a second run that races this one overwrites the same files with the same content.
  const base = `bulletins/${district._id}/${month.key}${edition > 1 ? `-${edition}` : ''}`;
  const pdfFileId = await deps.files.put(`${base}.pdf`, pdf);
  const xlsxFileId = await deps.files.put(`${base}.xlsx`, xlsx);
  const pngFileId = await deps.files.put(`${base}.png`, png);
  return {
    content,
    files: {
      pdfFileId,
      pdfBytes: pdf.byteLength,
      xlsxFileId,
      pngFileId,
      pngBytes: png.byteLength,
      inquiries: content.figures.inquiries,
      confirmedSigned: content.figures.confirmedSigned,
      ranking: { locked: content.rankingStatus.locked, lockAt: content.rankingStatus.lockAt },
      edition,
      editionAt: now.toISOString(),
    },
  };
};

/** Makes and stores one district's bulletin for a month; null when it already exists. */
export const makeBulletin = async (deps: Deps, district: District, month: Period): Promise<Bulletin | null> => {
  const id = bulletinId(district._id, month.key);
  if (await getBulletin(deps.store, id)) return null;
  const now = deps.clock();
  const { content, files } = await renderEdition(deps, district, month, 1, now);
  const bulletin: Bulletin = { _id: id, districtId: district._id, month: month.key, label: month.label, title: content.title, createdAt: now.toISOString(), ...files };
  return (await recordBulletin(deps.store, bulletin)) ? bulletin : null;
};

/**
 * Decision: a bulletin made while its month's board was live is remade, as edition 2, once the board has
 * locked (the same record and list row, new files: the old links stop being handed out), so the bulletin
 * people open shows the ranking nobody can dispute. Null when there is nothing to remake (no bulletin, a city
 * one, already locked, the board not locked yet) or another run did it first.
 */
export const remakeWithLockedRanking = async (deps: Deps, district: District, month: Period): Promise<Bulletin | null> => {
  const current = await getBulletin(deps.store, bulletinId(district._id, month.key));
  if (!current || current.cityId || !current.ranking || current.ranking.locked) return null;
  const now = deps.clock();
  if (now < new Date(current.ranking.lockAt) || !(await lockedSnapshot(deps, district, month, now))) return null;
  const edition = (current.edition ?? 1) + 1;
  const { files } = await renderEdition(deps, district, month, edition, now);
  return recordBulletinEdition(deps.store, current._id, current.edition ?? 1, files);
};

/** Leaders hear of it: the district's admins and unit leaders. */
const announce = async (deps: Deps, bulletin: Bulletin) => {
  const staff = await listAllDistrictStaff(deps.store, bulletin.districtId);
  const leaders = staff.filter((s) => s.status === 'active' && (s.roles.includes('admin') || s.roles.includes('unit_leader')));
  await notifyStaff(deps, leaders, () => bulletinReadyMessage(bulletin), null);
};

/**
 * The timer's daily lock step: the boards of the last two months and the last quarter whose lock moment has passed
 * get their snapshot now, if no read stored it first (at most 30 working days: never more than two months back).
 */
export const lockDuePeriods = async (deps: Deps, district: District, now: Date): Promise<string[]> => {
  const lastMonth = previousPeriod(periodContaining('month', now));
  const candidates = [lastMonth, previousPeriod(lastMonth), previousPeriod(periodContaining('quarter', now))];
  const snapshots = await Promise.all(candidates.map((p) => lockedSnapshot(deps, district, p, now)));
  return snapshots.flatMap((s) => (s ? [s._id] : []));
};

/**
 * The timer's monthly step: for every district, last month's bulletin from the first working day of the month on
 * (its own calendar). Idempotent per district × month: a second run, or a run racing this one, makes no second.
 * Daily, it also locks the boards that are due and remakes (edition 2) the bulletins made before theirs locked;
 * a city's bulletin once the last of its districts' boards has locked.
 */
export const runMonthlyBulletins = async (deps: Deps): Promise<{ made: string[]; remade: string[]; locked: string[] }> => {
  const now = deps.clock();
  const made: string[] = [];
  const remade: string[] = [];
  const locked: string[] = [];
  const districts = await listDistricts(deps.store, MAX_DISTRICTS);
  for (const district of districts) {
    try {
      locked.push(...(await lockDuePeriods(deps, district, now)));
    } catch (error) {
      // A board that failed to lock locks at its next read or the next run.
      deps.log.error('arena.lock_failed', { district: district._id, error: error instanceof Error ? error.message : 'unknown' });
    }
    // The bulletins of the last two months made while their boards were live: remade once the board locked.
    const lastMonth = previousPeriod(periodContaining('month', now));
    for (const m of [lastMonth, previousPeriod(lastMonth)]) {
      try {
        const edition = await remakeWithLockedRanking(deps, district, m);
        if (edition) {
          remade.push(edition._id);
          deps.log.info('bulletin.remade', { district: district._id, month: m.key, edition: edition.edition ?? 1 });
        }
      } catch (error) {
        deps.log.error('bulletin.remake_failed', { district: district._id, month: m.key, error: error instanceof Error ? error.message : 'unknown' });
      }
    }
    const month = bulletinMonthDue(now, district.workingCalendar ?? WEEKENDS_ONLY);
    if (!month) continue;
    try {
      const bulletin = await makeBulletin(deps, district, month);
      if (!bulletin) continue;
      made.push(bulletin._id);
      await announce(deps, bulletin);
      deps.log.info('bulletin.made', { district: district._id, month: month.key, pdfBytes: bulletin.pdfBytes });
    } catch (error) {
      // One district's failure does not stop the others; the next run tries it again.
      deps.log.error('bulletin.failed', { district: district._id, month: month.key, error: error instanceof Error ? error.message : 'unknown' });
    }
  }
  const city = await runCityBulletins(
    deps,
    districts,
    now,
    (d, month) => bulletinContentFor(deps, d, month),
    async (d, month) => Boolean(await lockedSnapshot(deps, d, month, now)),
  );
  made.push(...city.made);
  remade.push(...city.remade);
  return { made, remade, locked };
};
