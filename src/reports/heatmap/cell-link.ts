import type * as v from 'valibot';
import { REPORT_CELL_FILTERS, type ReportCellConditionSchema } from '../../../domain/api/report.contracts';

export type CellCondition = v.InferOutput<typeof ReportCellConditionSchema>;

/**
 * A heat-map cell's conditions as one page parameter: `origin:330000,320000;!industry:新能源` — `!` for «其他»
 * (none of the values); each value percent-encoded on its own so `,` `;` `:` inside a value stay values.
 */
export const encodeWhere = (where: readonly CellCondition[]): string =>
  where.map((w) => `${w.except ? '!' : ''}${w.filter}:${w.values.map((x) => encodeURIComponent(x)).join(',')}`).join(';');

/** The (once decoded) page parameter back into conditions; anything malformed reads as no conditions (the server checks again). */
export const decodeWhere = (param: string | undefined): CellCondition[] | undefined => {
  if (!param) return undefined;
  try {
    // The page parameter arrives decoded once (usePageParams): each value is still encoded on its own.
    const out = param.split(';').map((part): CellCondition => {
      const except = part.startsWith('!');
      const [filter, values = ''] = (except ? part.slice(1) : part).split(':');
      if (!(REPORT_CELL_FILTERS as readonly string[]).includes(filter) || !values) throw new Error('bad condition');
      return { filter: filter as CellCondition['filter'], values: values.split(',').map((x) => decodeURIComponent(x)), ...(except ? { except: true } : {}) };
    });
    return out.length > 0 && out.length <= 3 ? out : undefined;
  } catch {
    return undefined;
  }
};
