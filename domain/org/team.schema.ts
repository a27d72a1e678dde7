import * as v from 'valibot';
import { id, isoTime, line } from '../common/text';

/** A team across units (招商小组, 产业招商组): its members' leads also count for the team. */
export const TeamSchema = v.strictObject({
  _id: id(),
  districtId: id(),
  name: line(1, 30),
  leaderStaffId: v.optional(v.nullable(id())),
  memberStaffIds: v.pipe(v.array(id()), v.maxLength(100)),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});
export type Team = v.InferOutput<typeof TeamSchema>;
