/**
 * CJK-aware line breaking for canvas text, with no platform in sight: the caller passes a `measure` that
 * returns the width of a string in the font being laid out (ctx.measureText on a device, a fake in tests).
 *
 * Rules (a small subset of JIS X 4051 / GB/T 15834 "禁则"):
 * - a line may break between any two CJK characters;
 * - Latin words and numbers ("5G", "1,286", "AI+") stay together, breaking at spaces;
 * - closing punctuation (，。、）」…) never starts a line, opening punctuation (（「“) never ends one;
 * - a word wider than the whole line is broken between characters, still obeying the punctuation rule;
 * - text beyond `maxLines` is cut on the last line with an ellipsis that fits the width.
 */

export type MeasureText = (text: string) => number;

export interface WrapOptions {
  maxWidth: number;
  /** At least 1. */
  maxLines: number;
  /** Appended to the last allowed line when text is cut. */
  ellipsis?: string;
}

export interface WrapResult {
  lines: string[];
  /** True when text was cut to fit `maxLines`. */
  truncated: boolean;
}

/** May not begin a line. */
const CLOSING = new Set(Array.from('，。、；：？！）」』》〉】〕〗］｝”’…‥·・〜～ー%％‰℃,.;:!?)]}'));
/** May not end a line. */
const OPENING = new Set(Array.from('（「『《〈【〔〖［｛“‘([{'));
/** Dropped before an ellipsis: "产业，…" reads worse than "产业…". */
const SOFT_TRAILING = new Set(Array.from('，、；：,;:'));

export const isClosingPunctuation = (ch: string): boolean => CLOSING.has(ch);
export const isOpeningPunctuation = (ch: string): boolean => OPENING.has(ch);

/** Ideographs, kana, hangul, CJK symbols and full-width forms: each one is a break opportunity. */
export const isCjk = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK symbols and punctuation, kana
    (cp >= 0x3100 && cp <= 0x31ff) || // bopomofo, kana extensions
    (cp >= 0x3200 && cp <= 0x9fff) || // enclosed, compatibility, extension A, unified ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // vertical forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) // extensions B…
  );
};

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';

interface Token {
  text: string;
  space: boolean;
}

const chars = (s: string): string[] => Array.from(s);
const firstChar = (s: string): string => chars(s)[0] ?? '';
const lastChar = (s: string): string => {
  const cs = chars(s);
  return cs[cs.length - 1] ?? '';
};

/**
 * Splits one paragraph into unbreakable units and spaces. Each CJK character is a unit; a run of other
 * non-space characters (a Latin word, a number with its separators) is one unit. Closing punctuation is
 * glued to the unit before it and opening punctuation to the unit after it, so no break can separate them.
 */
export const tokenize = (text: string): Token[] => {
  const raw: Token[] = [];
  let run = '';
  const flushRun = () => {
    if (run) raw.push({ text: run, space: false });
    run = '';
  };
  for (const ch of chars(text)) {
    if (isSpace(ch)) {
      flushRun();
      const prev = raw[raw.length - 1];
      if (prev?.space) prev.text += ch;
      else raw.push({ text: ch, space: true });
    } else if (isCjk(ch) || ((CLOSING.has(ch) || OPENING.has(ch)) && ch.charCodeAt(0) > 0x7f)) {
      flushRun();
      raw.push({ text: ch, space: false });
    } else {
      run += ch;
    }
  }
  flushRun();

  const out: Token[] = [];
  for (const token of raw) {
    const prev = out[out.length - 1];
    if (!token.space && prev && !prev.space && (CLOSING.has(firstChar(token.text)) || OPENING.has(lastChar(prev.text)))) {
      prev.text += token.text;
    } else {
      out.push({ ...token });
    }
  }
  return out;
};

/** Breaks a unit wider than the line between characters; a piece never starts with closing punctuation. */
const hardBreak = (unit: string, measure: MeasureText, maxWidth: number): string[] => {
  const pieces: string[][] = [];
  let current: string[] = [];
  for (const ch of chars(unit)) {
    if (!current.length || measure(current.join('') + ch) <= maxWidth) {
      current.push(ch);
      continue;
    }
    if ((CLOSING.has(ch) || OPENING.has(current[current.length - 1])) && current.length > 1) {
      // Push the previous character down: with the closing punctuation instead of starting a line with it,
      // or an opening punctuation instead of ending the line with it.
      const moved = current.pop() as string;
      pieces.push(current);
      current = [moved, ch];
    } else {
      pieces.push(current);
      current = [ch];
    }
  }
  if (current.length) pieces.push(current);
  return pieces.map((p) => p.join(''));
};

/** All lines of one paragraph, unbounded. Stops early once `limit` lines exist (the caller only needs one more). */
const wrapParagraph = (text: string, measure: MeasureText, maxWidth: number, limit: number): string[] => {
  const lines: string[] = [];
  let current = '';
  let pendingSpace = '';
  const push = (line: string) => {
    lines.push(line);
  };
  for (const token of tokenize(text)) {
    if (lines.length > limit) break;
    if (token.space) {
      if (current) pendingSpace = ' ';
      continue;
    }
    const candidate = current ? current + pendingSpace + token.text : token.text;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      pendingSpace = '';
      continue;
    }
    if (current) push(current);
    current = '';
    pendingSpace = '';
    if (measure(token.text) <= maxWidth) {
      current = token.text;
    } else {
      const pieces = hardBreak(token.text, measure, maxWidth);
      pieces.slice(0, -1).forEach(push);
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (current) push(current);
  return lines;
};

/** Cuts `line` so that it plus the ellipsis fits, dropping dangling punctuation and spaces before the ellipsis. */
export const withEllipsis = (line: string, measure: MeasureText, maxWidth: number, ellipsis = '…'): string => {
  const cs = chars(line);
  while (cs.length && measure(cs.join('') + ellipsis) > maxWidth) cs.pop();
  while (cs.length && (isSpace(cs[cs.length - 1]) || SOFT_TRAILING.has(cs[cs.length - 1]) || OPENING.has(cs[cs.length - 1]))) cs.pop();
  return cs.join('') + ellipsis;
};

/** Wraps `text` into at most `maxLines` lines no wider than `maxWidth`. Newlines start new paragraphs. */
export const wrapText = (text: string, measure: MeasureText, options: WrapOptions): WrapResult => {
  const maxLines = Math.max(1, Math.floor(options.maxLines));
  const { maxWidth } = options;
  const ellipsis = options.ellipsis ?? '…';
  const all: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    all.push(...wrapParagraph(trimmed, measure, maxWidth, maxLines - all.length));
    if (all.length > maxLines) break;
  }
  if (all.length <= maxLines) return { lines: all, truncated: false };
  const lines = all.slice(0, maxLines);
  lines[maxLines - 1] = withEllipsis(lines[maxLines - 1], measure, maxWidth, ellipsis);
  return { lines, truncated: true };
};
