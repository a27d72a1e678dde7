import * as v from 'valibot';
import { englishLine } from '../common/content-language';
import { id, isoTime, line } from '../common/text';

export const UNIT_KINDS = ['investment_bureau', 'economic_department', 'street', 'park', 'non_economic_department'] as const;

export const UnitSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  name: line(1, 30),
  /** The unit's name for investors reading English (the directory, the card's contact). */
  nameEn: englishLine(60),
  kind: v.picklist(UNIT_KINDS),
  /** Economic units handle leads themselves; others pass them to the investment bureau but keep credit. */
  isEconomic: v.boolean(),
  leaderStaffId: v.optional(v.nullable(id())),
  /** The unit tree: a department or street under a bureau; missing/null for a top-level unit. */
  parentUnitId: v.optional(v.nullable(id())),
  createdAt: isoTime(),
});
export type Unit = v.InferOutput<typeof UnitSchema>;
