import { bulletinId } from '../../domain/report/bulletin.rules';
import { recordBulletin } from '../../cloudfunctions/_lib/repositories/bulletin.repository';
import { DEMO_DISTRICT_ID } from '../../tools/seed/demo-district';
import type { TestBackend } from './test-backend';

/** A stored November bulletin of the demo district (files with placeholder bytes): for tables about who may open it. */
export const storeSampleBulletin = async (b: TestBackend): Promise<string> => {
  const id = bulletinId(DEMO_DISTRICT_ID, '2026-11');
  const pdfFileId = await b.deps.files.put(`bulletins/${DEMO_DISTRICT_ID}/2026-11.pdf`, new Uint8Array([37, 80, 68, 70]));
  const xlsxFileId = await b.deps.files.put(`bulletins/${DEMO_DISTRICT_ID}/2026-11.xlsx`, new Uint8Array([80, 75]));
  await recordBulletin(b.store, { _id: id, districtId: DEMO_DISTRICT_ID, month: '2026-11', label: '2026年11月', title: '临江区 2026年11月招商工作通报', createdAt: b.clock.now.toISOString(), pdfFileId, pdfBytes: 4, xlsxFileId, inquiries: 0, confirmedSigned: 0 });
  return id;
};
