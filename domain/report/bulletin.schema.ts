import * as v from 'valibot';
import { id, isoTime } from '../common/text';

/** A stored monthly bulletin (每月一通报): which district and month, and the files made for it. */
export const BulletinSchema = v.object({
  _id: id(),
  districtId: id(),
  /** YYYY-MM */
  month: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
  label: v.string(),
  title: v.string(),
  createdAt: isoTime(),
  pdfFileId: v.string(),
  pdfBytes: v.number(),
  xlsxFileId: v.string(),
  /** The month's headline figures, for the list. */
  inquiries: v.number(),
  confirmedSigned: v.number(),
  /** A city's bulletin (全市通报): `districtId` is then cityBulletinKey(cityId), no district's id. */
  cityId: v.optional(id()),
});
export type Bulletin = v.InferOutput<typeof BulletinSchema>;
