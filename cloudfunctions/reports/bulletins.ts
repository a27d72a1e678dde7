import { bulletinFileContract, bulletinsContract } from '../../domain/api/report.contracts';
import { DomainError } from '../../domain/common/result';
import { defineAction, requireStaff } from '../_lib/define-action';
import { getBulletin, listBulletins } from '../_lib/repositories/bulletin.repository';

const SHOWN = 36;

/** 每月一通报: every staff member of the district reads its bulletins (three years of them at most here). */
export const bulletinsAction = defineAction(bulletinsContract, async (deps, ctx) => {
  const me = requireStaff(ctx);
  const items = await listBulletins(deps.store, me.districtId, SHOWN);
  return { items: items.map((b) => ({ id: b._id, month: b.month, label: b.label, title: b.title, createdAt: b.createdAt, pdfBytes: b.pdfBytes, inquiries: b.inquiries, confirmedSigned: b.confirmedSigned })) };
});

/** A fresh short-lived link to one bulletin's PDF or workbook; another district's bulletin looks missing. */
export const bulletinFileAction = defineAction(bulletinFileContract, async (deps, ctx, input) => {
  const me = requireStaff(ctx);
  const bulletin = await getBulletin(deps.store, input.bulletinId);
  if (!bulletin || bulletin.districtId !== me.districtId) throw new DomainError('REPORT.BULLETIN_NOT_FOUND');
  const fileName = `${bulletin.title}.${input.format}`.replace(/[\\/:*?"<>|\s]+/g, '');
  try {
    return { fileName, url: await deps.files.linkFor(input.format === 'pdf' ? bulletin.pdfFileId : bulletin.xlsxFileId, fileName) };
  } catch (error) {
    deps.log.error('report.bulletin_link_failed', { error: error instanceof Error ? error.message : 'unknown' });
    throw new DomainError('REPORT.FILE_FAILED');
  }
});
