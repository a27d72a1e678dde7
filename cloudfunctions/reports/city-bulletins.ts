import { WEEKENDS_ONLY } from '../../domain/calendar/working-calendar.schema';
import type { District } from '../../domain/org/district.schema';
import type { BulletinContent } from '../../domain/report/bulletin-content.rules';
import { bulletinMonthDue } from '../../domain/report/bulletin.rules';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import { cityBulletinId, cityBulletinKey, cityBulletinTables, cityBulletinTotals, cityDistrictLine, type CityBulletinContent } from '../../domain/report/city-bulletin.rules';
import { previousPeriod, type Period } from '../../domain/report/period.rules';
import type { Deps } from '../_lib/deps';
import { notifyStaff } from '../_lib/notifications';
import { getBulletin, recordBulletin } from '../_lib/repositories/bulletin.repository';
import { listAllDistrictStaff } from '../_lib/repositories/staff.repository';
import { bulletinFontPath } from './bulletin-font';
import { renderCityBulletinPdf } from './bulletin-pdf';
import { bulletinReadyMessage } from './bulletin-timer';
import { tablesToXlsx } from './spreadsheet-writer';

/** What a district bulletin's content is read by: the districts' own bulletin figures, never a second formula. */
export type DistrictContentReader = (district: District, month: Period) => Promise<BulletinContent>;

/** Makes and stores one city's bulletin for a month from its districts' contents; null when it already exists. */
export const makeCityBulletin = async (deps: Deps, cityId: string, districts: readonly District[], month: Period, contentOf: DistrictContentReader): Promise<Bulletin | null> => {
  const id = cityBulletinId(cityId, month.key);
  if (await getBulletin(deps.store, id)) return null;
  const now = deps.clock();
  const lines = [];
  for (const d of districts) lines.push(cityDistrictLine(await contentOf(d, month)));
  const content: CityBulletinContent = { title: `${month.label}全市招商工作通报`, monthLabel: month.label, previousLabel: previousPeriod(month).label, districts: lines };
  const pdf = await renderCityBulletinPdf(content, await bulletinFontPath(deps.files), now);
  const xlsx = await tablesToXlsx(cityBulletinTables(content));
  const key = cityBulletinKey(cityId);
  const totals = cityBulletinTotals(content);
  const bulletin: Bulletin = {
    _id: id,
    districtId: key,
    cityId,
    month: month.key,
    label: `${month.label} · 全市`,
    title: content.title,
    createdAt: now.toISOString(),
    pdfFileId: await deps.files.put(`bulletins/${key}/${month.key}.pdf`, pdf),
    pdfBytes: pdf.byteLength,
    xlsxFileId: await deps.files.put(`bulletins/${key}/${month.key}.xlsx`, xlsx),
    inquiries: totals.inquiries,
    confirmedSigned: totals.confirmedSigned,
  };
  return (await recordBulletin(deps.store, bulletin)) ? bulletin : null;
};

/** The city's admins hear of it (they sit in one of its districts). */
const announceToCity = async (deps: Deps, districts: readonly District[], bulletin: Bulletin) => {
  const staff = (await Promise.all(districts.map((d) => listAllDistrictStaff(deps.store, d._id)))).flat();
  const admins = staff.filter((s) => s.status === 'active' && s.roles.includes('city_admin'));
  await notifyStaff(deps, admins, () => bulletinReadyMessage(bulletin), null);
};

/**
 * The timer's city step, after the districts': every city with districts gets last month's bulletin from the
 * first working day on (the calendar of its first district: cities share the national calendar). Idempotent.
 */
export const runCityBulletins = async (deps: Deps, districts: readonly District[], now: Date, contentOf: DistrictContentReader): Promise<string[]> => {
  const cities = new Map<string, District[]>();
  for (const d of districts) if (d.cityId) cities.set(d.cityId, [...(cities.get(d.cityId) ?? []), d]);
  const made: string[] = [];
  for (const [cityId, members] of cities) {
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
  return made;
};
