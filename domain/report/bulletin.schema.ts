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
  /** The share image (1080×1350 PNG) for WeChat groups; absent on bulletins made before it was (REPORT.BULLETIN_IMAGE_MISSING). */
  pngFileId: v.optional(v.string()),
  pngBytes: v.optional(v.number()),
  /** The month's headline figures, for the list. */
  inquiries: v.number(),
  confirmedSigned: v.number(),
  /** A city's bulletin (全市通报): `districtId` is then cityBulletinKey(cityId), no district's id. */
  cityId: v.optional(id()),
  /**
   * A district bulletin's 擂台赛 ranking: live when it was made (the first working day, usually before the month's
   * board locks) or locked; when the board locks later, the timer makes edition 2 from the locked snapshot.
   * On a city bulletin (全市通报): whether every district's board had locked when it was made, and the last of
   * their lock moments; once the last one locks, the timer makes its next edition. Absent on bulletins made
   * before this was recorded.
   */
  ranking: v.optional(v.strictObject({ locked: v.boolean(), lockAt: isoTime() })),
  /** 1 when first made; 2 once remade with the locked ranking (a city's: once its districts' boards have all locked). Absent: 1. */
  edition: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** When the current edition was made (the first edition: createdAt). */
  editionAt: v.optional(isoTime()),
});
export type Bulletin = v.InferOutput<typeof BulletinSchema>;
