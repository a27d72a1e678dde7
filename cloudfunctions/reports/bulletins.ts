import { bulletinFileContract, bulletinsContract, type BulletinFormat } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import type { Bulletin } from '../../domain/report/bulletin.schema';
import { cityBulletinKey } from '../../domain/report/city-bulletin.rules';
import type { Deps } from '../_lib/deps';
import { defineAction, requireStaff } from '../_lib/define-action';
import { getBulletin, listBulletins } from '../_lib/repositories/bulletin.repository';
import { getDistrict } from '../_lib/repositories/org.repository';

const SHOWN = 36;

/** The city whose bulletins (全市通报) the caller reads: a city admin's home district's city; nobody else's. */
const cityOf = async (deps: Deps, me: Staff): Promise<string | null> => {
  if (!me.roles.includes('city_admin')) return null;
  return (await getDistrict(deps.store, me.districtId))?.cityId ?? null;
};

const itemOf = (b: Bulletin) => ({
  id: b._id,
  month: b.month,
  /** 市级 (the city's 全市通报) or 区级 (the district's): a city admin sees both for one month. */
  level: b.cityId ? ('city' as const) : ('district' as const),
  label: b.label,
  title: b.title,
  createdAt: b.createdAt,
  pdfBytes: b.pdfBytes,
  pngBytes: b.pngBytes ?? null,
  inquiries: b.inquiries,
  confirmedSigned: b.confirmedSigned,
  // A city bulletin has no board of its own (its `ranking` only records whether its districts' had all locked).
  ranking: b.cityId ? null : (b.ranking ?? null),
  edition: b.edition ?? 1,
});

/**
 * 每月一通报: every staff member of the district reads its bulletins (three years of them at most here); a city
 * admin also the city's, newest month first with the city's before the district's.
 */
export const bulletinsAction = defineAction(bulletinsContract, async (deps, ctx) => {
  const me = requireStaff(ctx);
  const cityId = await cityOf(deps, me);
  const [own, city] = await Promise.all([listBulletins(deps.store, me.districtId, SHOWN), cityId ? listBulletins(deps.store, cityBulletinKey(cityId), SHOWN) : Promise.resolve([])]);
  const items = [...city, ...own].sort((a, b) => b.month.localeCompare(a.month) || Number(Boolean(b.cityId)) - Number(Boolean(a.cityId))).slice(0, SHOWN);
  return { items: items.map(itemOf) };
});

const fileIdOf = (b: Bulletin, format: BulletinFormat): string => {
  if (format === 'pdf') return b.pdfFileId;
  if (format === 'xlsx') return b.xlsxFileId;
  // A bulletin made before share images were has none (its next edition will).
  if (!b.pngFileId) throw new DomainError('REPORT.BULLETIN_IMAGE_MISSING');
  return b.pngFileId;
};

/** A fresh short-lived link to one bulletin's PDF, workbook or share image; another district's (or city's) bulletin looks missing. */
export const bulletinFileAction = defineAction(bulletinFileContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const bulletin = await getBulletin(deps.store, input.bulletinId);
  const mine = bulletin && (bulletin.cityId ? bulletin.cityId === (await cityOf(deps, me)) : bulletin.districtId === me.districtId);
  if (!bulletin || !mine) throw new DomainError('REPORT.BULLETIN_NOT_FOUND');
  const fileId = fileIdOf(bulletin, input.format);
  const fileName = `${bulletin.title}.${input.format}`.replace(/[\\/:*?"<>|\s]+/g, '');
  try {
    return { fileName, url: await deps.files.linkFor(fileId, fileName) };
  } catch (error) {
    deps.log.error('report.bulletin_link_failed', { error: error instanceof Error ? error.message : 'unknown' });
    throw new DomainError('REPORT.FILE_FAILED');
  }
});
