import * as v from 'valibot';
import { englishLine } from '../common/content-language';
import { id, isoTime, line } from '../common/text';
import { StoredShareImagesSchema } from '../share/share-image.schema';

export const CardVisibilitySchema = v.strictObject({
  phone: v.boolean(),
  wechatId: v.boolean(),
  wechatQr: v.boolean(),
});

/** A person's card: the district's locked content plus the fields this person controls. */
export const CardSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  staffId: id(),
  greeting: line(0, 60),
  /** English for investors reading English: the greeting, and the owner's name and title as the card shows them. */
  greetingEn: englishLine(120),
  nameEn: englishLine(40),
  titleEn: englishLine(60),
  visibility: CardVisibilitySchema,
  featuredCarrierIds: v.pipe(v.array(id()), v.maxLength(6)),
  featuredIndustries: v.pipe(v.array(line(1, 20)), v.maxLength(6)),
  /** Leads of this card go to this commissioner (a leader's card can keep the leader's phone hidden). */
  onDutyStaffId: v.optional(v.nullable(id())),
  /** The share images drawn from this card's content (share.saveImage); absent until the owner's side drew them. */
  shareImages: v.optional(StoredShareImagesSchema),
  updatedAt: isoTime(),
});
export type Card = v.InferOutput<typeof CardSchema>;
