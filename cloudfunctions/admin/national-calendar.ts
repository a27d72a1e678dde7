import data from 'chinese-days/dist/chinese-days.json';
import { nationalCalendarYear, type NationalCalendarData } from '../../domain/calendar/working-calendar.rules';

/**
 * The national working calendar chinese-days ships (~37 KB of JSON, bundled into the admin function only): the
 * years the State Council has published. A newer package version brings the next year.
 */
export const nationalYear = (year: number) => nationalCalendarYear(data as NationalCalendarData, year);
