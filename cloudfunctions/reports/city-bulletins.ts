import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import type { District } from '../../domain/org/district.schema';
import type { BulletinContent } from '../../domain/report/bulletin-content.rules';
import { bulletinMonthDue } from '../../domain/report/bulletin.rules';
import { cityShareInput } from '../../domain/report/bulletin-share-image.rules';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import { cityBulletinId, cityBulletinKey, cityBulletinTables, cityBulletinTotals, cityDistrictLine, type CityBulletinContent } from '../../domain/report/city-bulletin.rules';
import { periodContaining, previousPeriod, type Period } from '../../domain/report/period.rules';
import type { Deps } from '../_lib/deps';
import { notifyStaff } from '../_lib/notifications';
import { getBulletin, recordBulletin, recordBulletinEdition } from '../_lib/repositories/bulletin.repository';
import { listAllDistrictStaff } from '../_lib/repositories/staff.repository';
import { bulletinFontPath } from './bulletin-font';
import { renderShareImage } from './bulletin-image';
import { renderCityBulletinPdf } from './bulletin-pdf';
import { bulletinReadyMessage } from './bulletin-timer';
import { tablesToXlsx } from './spreadsheet-writer';

/** What a district bulletin's content is read by: the districts' own bulletin figures, never a second formula. */
export type DistrictContentReader = (district: District, month: Period) => Promise<BulletinContent>;

/**
 * One edition of a city's month: its districts' contents side by side as PDF, workbook and share image, stored
 * (edition 1 at the old fixed paths). `ranking` records whether every district's board had locked: the city's
 * 擂台赛第一 column reads them.
 */
const renderCityEdition = async (deps: Deps, cityId: string, districts: readonly District[], month: Period, edition: number, now: Date, contentOf: DistrictContentReader) => {
  const contents: BulletinContent[] = [];
  for (const d of districts) contents.push(await contentOf(d, month));
  const content: CityBulletinContent = { title: `${month.label}全市招商工作通报`, monthLabel: month.label, previousLabel: previousPeriod(month).label, districts: contents.map(cityDistrictLine) };
  const fontPath = await bulletinFontPath(deps.files);
  const pdf = await renderCityBulletinPdf(content, fontPath, now);
  const xlsx = await tablesToXlsx(cityBulletinTables(content));
  const { png } = await renderShareImage(cityShareInput(content), fontPath);
  const key = cityBulletinKey(cityId);
  const base = `bulletins/${key}/${month.key}${edition > 1 ? `-${edition}` : ''}`;
  const totals = cityBulletinTotals(content);
  const lockAts = contents.map((c) => c.rankingStatus.lockAt).sort();
  return {
    content,
    files: {
      pdfFileId: await deps.files.put(`${base}.pdf`, pdf),
      pdfBytes: pdf.byteLength,
      xlsxFileId: await deps.files.put(`${base}.xlsx`, xlsx),
      pngFileId: await deps.files.put(`${base}.png`, png),
      pngBytes: png.byteLength,
      inquiries: totals.inquiries,
      confirmedSigned: totals.confirmedSigned,
      ...(lockAts.length ? { ranking: { locked: contents.every((c) => c.rankingStatus.locked), lockAt: lockAts[lockAts.length - 1] as string } } : {}),
      edition,
      editionAt: now.toISOString(),
    },
  };
};

/** Makes and stores one city's bulletin for a month from its districts' contents; null when it already exists. */
export const makeCityBulletin = async (deps: Deps, cityId: string, districts: readonly District[], month: Period, contentOf: DistrictContentReader): Promise<Bulletin | null> => {
  const id = cityBulletinId(cityId, month.key);
  if (await getBulletin(deps.store, id)) return null;
  const now = deps.clock();
  const { content, files } = await renderCityEdition(deps, cityId, districts, month, 1, now, contentOf);
  const bulletin: Bulletin = { _id: id, districtId: cityBulletinKey(cityId), cityId, month: month.key, label: `${month.label} · 全市`, title: content.title, createdAt: now.toISOString(), ...files };
  return (await recordBulletin(deps.store, bulletin)) ? bulletin : null;
};

/** Whether a district's board for the month has locked (its snapshot stored now if due and not yet). */
export type DistrictLockReader = (district: District, month: Period) => Promise<boolean>;

/**
 * Decision: the 全市通报 is remade once, when the last of its districts' boards for the month locks (not at each
 * district's lock: a city of ten districts would otherwise go through ten editions in a week), so its
 * 擂台赛第一 column is the locked boards'. The same daily timer run does it, after the districts' own editions.
 * Null when there is nothing to remake (no city bulletin, one made with every board locked, a board still live)
 * or a run racing this one made the edition first.
 */
export const remakeCityWithLockedRankings = async (
  deps: Deps,
  cityId: string,
  districts: readonly District[],
  month: Period,
  contentOf: DistrictContentReader,
  lockedOf: DistrictLockReader,
): Promise<Bulletin | null> => {
  const current = await getBulletin(deps.store, cityBulletinId(cityId, month.key));
  // A city bulletin made before this was recorded has no `ranking`: it is remade once like a live one.
  if (!current || !current.cityId || current.ranking?.locked) return null;
  for (const d of districts) if (!(await lockedOf(d, month))) return null;
  const now = deps.clock();
  const { files } = await renderCityEdition(deps, cityId, districts, month, (current.edition ?? 1) + 1, now, contentOf);
  return recordBulletinEdition(deps.store, current._id, current.edition ?? 1, files);
};

/** The city's admins hear of it (they sit in one of its districts). */
const announceToCity = async (deps: Deps, districts: readonly District[], bulletin: Bulletin) => {
  const staff = (await Promise.all(districts.map((d) => listAllDistrictStaff(deps.store, d._id)))).flat();
  const admins = staff.filter((s) => s.status === 'active' && s.roles.includes('city_admin'));
  await notifyStaff(deps, admins, () => bulletinReadyMessage(bulletin), null);
};

/**
 * The timer's city step, after the districts': every city with districts gets last month's bulletin from the
 * first working day on (the calendar of its first district: cities share the national calendar), and the city
 * bulletins of the last two months made while a board was live get their next edition once the last board has
 * locked. Idempotent.
 */
export const runCityBulletins = async (
  deps: Deps,
  districts: readonly District[],
  now: Date,
  contentOf: DistrictContentReader,
  lockedOf: DistrictLockReader,
): Promise<{ made: string[]; remade: string[] }> => {
  const cities = new Map<string, District[]>();
  for (const d of districts) if (d.cityId) cities.set(d.cityId, [...(cities.get(d.cityId) ?? []), d]);
  const made: string[] = [];
  const remade: string[] = [];
  const lastMonth = previousPeriod(periodContaining('month', now));
  for (const [cityId, members] of cities) {
    for (const m of [lastMonth, previousPeriod(lastMonth)]) {
      try {
        const edition = await remakeCityWithLockedRankings(deps, cityId, members, m, contentOf, lockedOf);
        if (edition) {
          remade.push(edition._id);
          deps.log.info('bulletin.city_remade', { city: cityId, month: m.key, edition: edition.edition ?? 1 });
        }
      } catch (error) {
        deps.log.error('bulletin.city_remake_failed', { city: cityId, month: m.key, error: error instanceof Error ? error.message : 'unknown' });
      }
    }
    const month = bulletinMonthDue(now, members[0].workingCalendar ?? WEEKENDS_ONLY);
    if (!month) continue;
    try {
      const bulletin = await makeCityBulletin(deps, cityId, members, month, contentOf);
      if (!bulletin) continue;
      made.push(bulletin._id);
      await announceToCity(deps, members, bulletin);
    } catch (error) {
      deps.log.error('bulletin.city_failed', { city: cityId, month: month.key, error: error instanceof Error ? error.message : 'unknown' });
    }
  }
  return { made, remade };
};
