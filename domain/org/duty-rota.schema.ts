import * as v from 'valibot';
import { id, isoTime } from '../common/text';

/** A calendar day in China time, `YYYY-MM-DD`. */
export const dayKey = () => v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式不正确'));

/** Who is on duty on one day of one district. Stored with `_id` = `<districtId>:<day>`, read by id. */
export const DutyDaySchema = v.strictObject({
  _id: v.pipe(v.string(), v.maxLength(80)),
  districtId: id(),
  day: dayKey(),
  staffId: id(),
  updatedAt: isoTime(),
});
export type DutyDay = v.InferOutput<typeof DutyDaySchema>;
