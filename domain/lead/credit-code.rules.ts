/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from `0-9A-HJ-NPQRTUWXY` (31 symbols, no I O Z S V); the last
 * is a check character over the first 17 with weights 3^i mod 31. Characters 3–8 are the administrative region
 * (GB/T 2260), which gives a lead its origin for the 招商热力图.
 *
 * Some real codes fail the checksum (old registrations, data-entry at the registry), so a failed checksum is a
 * warning the staff see, never a refusal: `checksumOk: false` with the code kept as entered.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck =
  | { ok: true; code: string; checksumOk: boolean; regionCode: string; expectedCheck: string }
  | { ok: false; reason: 'LENGTH' | 'CHARACTERS' };

/** Upper-cases, drops spaces and full-width forms, then checks the shape and the checksum. */
export const normaliseCreditCode = (raw: string): string =>
  raw
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .toUpperCase();

export const checkCreditCode = (raw: string): CreditCodeCheck => {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return { ok: false, reason: 'LENGTH' };
  const values: number[] = [];
  for (const ch of code) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return { ok: false, reason: 'CHARACTERS' };
    values.push(value);
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * values[i], 0);
  const expected = (31 - (sum % 31)) % 31;
  const expectedCheck = ALPHABET[expected];
  return { ok: true, code, checksumOk: values[17] === expected, regionCode: code.slice(2, 8), expectedCheck };
};

/** The province-level part of a region code (first two digits + 0000), for roll-ups by province. */
export const provinceOf = (regionCode: string): string | null => (/^\d{6}$/.test(regionCode) ? `${regionCode.slice(0, 2)}0000` : null);
