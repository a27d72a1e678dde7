import { forEachBounded } from '../_lib/bounded-concurrency';
import type { ContentCheck } from '../_lib/deps';

/**
 * The content check of a spreadsheet import, batched: `security.msgSecCheck` is one call per text and reads at
 * most 2 500 characters (wx-openapi.ts cuts there), so one call per row would cost 5 000 calls for a full file.
 * Instead the rows' texts are joined (one per line) into batches of at most 2 500 characters, and a batch the
 * check calls risky is split in halves and checked again until the risky rows stand alone: only they are
 * refused (a risky phrase formed across two rows' boundary refuses neither). A row longer than a batch is checked
 * piece by piece. With ~80 characters a row, 5 000 rows are ~160 calls, eight at a time: ~20 round trips.
 */

/** What one call reads at most. */
export const CONTENT_CHECK_BATCH_CHARS = 2500;
/** Calls in flight at once (the same as the apply step's writes). */
export const CONTENT_CHECK_CONCURRENCY = 8;

export interface RowText {
  row: number;
  text: string;
}

interface Piece {
  row: number;
  text: string;
}

/** A row's text in pieces of at most `limit` characters (one piece for any ordinary row). */
const piecesOf = (r: RowText, limit: number): Piece[] => {
  const pieces: Piece[] = [];
  for (let i = 0; i < r.text.length; i += limit) pieces.push({ row: r.row, text: r.text.slice(i, i + limit) });
  return pieces;
};

/** Pieces packed in order into batches whose joined text (one piece per line) stays within `limit`. */
export const packBatches = (rows: readonly RowText[], limit = CONTENT_CHECK_BATCH_CHARS): Piece[][] => {
  const batches: Piece[][] = [];
  let current: Piece[] = [];
  let length = 0;
  for (const piece of rows.filter((r) => r.text.length > 0).flatMap((r) => piecesOf(r, limit))) {
    const added = (current.length ? 1 : 0) + piece.text.length;
    if (current.length && length + added > limit) {
      batches.push(current);
      current = [];
      length = 0;
    }
    length += (current.length ? 1 : 0) + piece.text.length;
    current.push(piece);
  }
  if (current.length) batches.push(current);
  return batches;
};

/**
 * The rows whose text the check calls risky (`review` passes, as in the editor), and how many calls it took.
 * `openid` is the importer's (msgSecCheck v2 asks for a user's).
 */
export const riskyRows = async (check: ContentCheck, openid: string | null, rows: readonly RowText[]): Promise<{ risky: Set<number>; calls: number }> => {
  const risky = new Set<number>();
  let calls = 0;
  const verdictOf = async (pieces: readonly Piece[]) => {
    calls += 1;
    return check.check(pieces.map((p) => p.text).join('\n'), openid);
  };
  const settle = async (pieces: readonly Piece[]): Promise<void> => {
    if ((await verdictOf(pieces)) !== 'risky') return;
    if (pieces.length === 1) {
      risky.add(pieces[0].row);
      return;
    }
    const half = Math.ceil(pieces.length / 2);
    await Promise.all([settle(pieces.slice(0, half)), settle(pieces.slice(half))]);
  };
  await forEachBounded(packBatches(rows), CONTENT_CHECK_CONCURRENCY, settle);
  return { risky, calls };
};
