import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A number from another country in E.164 form: `+852 9123 4567` → `+85291234567`, `0049 30 1234 5678` →
 * `+493012345678`. Checked against the country's numbering plan (libphonenumber-js with its small "min"
 * metadata: lengths and leading digits per country, no carrier or type data), so `+852 12` or `+44 12` are refused.
 */
const foreignE164 = (digits: string): string | null => {
  const rest = digits.startsWith('+') ? digits.slice(1) : digits.slice(2);
  if (!/^[1-9]\d{5,14}$/.test(rest)) return null;
  const parsed = parsePhoneNumberFromString(`+${rest}`);
  return parsed?.isValid() ? parsed.number : null;
};

/**
 * Chinese phone numbers as investors type them: "+86 138-0013-8000", "0086 13800138000", "(025) 8468 1234",
 * "025-84681234-801", "025-84681234转801", full-width digits from Chinese IMEs.
 * Normalised to "13800138000" for mobiles and "025-84681234" (plus "-801" extension) for landlines;
 * null for anything that cannot be a real number.
 */
export const normalizePhone = (raw: string): string | null => {
  const half = raw.normalize('NFKC').trim();
  if (half.length < 5 || half.length > 32 || !/^[0-9+()\s\-转]+$/.test(half)) return null;

  let extension = '';
  let main = half;
  const explicitExt = /^(.*?)\s*转\s*(\d{1,5})$/.exec(half);
  const dashedExt = /^(\(?0\d{2,3}\)?[\s-]*\d{7,8})[\s-]+(\d{1,5})$/.exec(half);
  const ext = explicitExt ?? dashedExt;
  if (ext) {
    main = ext[1];
    extension = ext[2];
  }

  let digits = main.replace(/[\s()-]/g, '');
  if (digits.includes('转')) return null;
  const international = digits.startsWith('+86') || digits.startsWith('0086');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('+') || digits.startsWith('00')) return extension ? null : foreignE164(digits);
  if (!/^\d+$/.test(digits)) return null;

  if (/^1[3-9]\d{9}$/.test(digits)) return extension ? null : digits;

  if (!digits.startsWith('0')) {
    if (!international) return null;
    digits = `0${digits}`; // "+86 25 8468 1234" drops the trunk 0
  }
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const local = digits.slice(areaLength);
  if (!/^0[1-9]\d{1,2}$/.test(area) || !/^[2-9]\d{6,7}$/.test(local)) return null;
  return `${area}-${local}${extension ? `-${extension}` : ''}`;
};

/** Shown to staff until they explicitly reveal (and so audit) the contact: 138****8000, +852****4567. */
export const maskPhone = (phone: string): string => {
  if (phone.length < 8) return '****';
  return `${phone.slice(0, phone.startsWith('+') ? 4 : 3)}****${phone.slice(-4)}`;
};
