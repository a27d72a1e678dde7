import * as v from 'valibot';

/**
 * Text rules shared by every schema. User text is normalised (NFC, trimmed) and refused when it carries
 * characters that corrupt storage or deceive readers: NUL/control characters, lone surrogates (SQLite
 * silently mangles them), bidirectional overrides and zero-width characters.
 */

// Written without lookbehind: iOS JavaScriptCore before 16.4 (still in WeChat) rejects it at parse time.
export const hasLoneSurrogate = (s: string): boolean => {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
};

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
const INVISIBLE_OR_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

const clean = (s: string): string => s.replace(/\r\n?/g, '\n').normalize('NFC').trim();

/** A single-line user string of `min..max` characters after normalisation. */
export const line = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max * 4), // cheap early bound before any normalisation work
    v.check((s) => !hasLoneSurrogate(s), '包含无法识别的字符'),
    v.transform(clean),
    v.check((s) => !CONTROL_SINGLE_LINE.test(s) && !INVISIBLE_OR_BIDI.test(s), '包含不可见或控制字符'),
    v.minLength(min, min > 0 ? '不能为空' : '长度不正确'),
    v.maxLength(max, `不能超过 ${max} 个字`),
  );

/** A multi-line user text (messages, intros) of `min..max` characters. */
export const paragraph = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max * 4),
    v.check((s) => !hasLoneSurrogate(s), '包含无法识别的字符'),
    v.transform(clean),
    v.check((s) => !CONTROL_MULTILINE.test(s) && !INVISIBLE_OR_BIDI.test(s), '包含不可见或控制字符'),
    v.minLength(min, min > 0 ? '不能为空' : '长度不正确'),
    v.maxLength(max, `不能超过 ${max} 个字`),
  );

/** Identifiers we generate: short, URL- and scene-safe. The one pattern; the app checks links with it too. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
export const id = () => v.pipe(v.string(), v.regex(ID_PATTERN, '编号格式不正确'));

/** ISO-8601 timestamps as stored (UTC, milliseconds). */
export const isoTime = () =>
  v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, '时间格式不正确'));

/** Image reference: a bundled asset path, a cloud file id, or an https URL. */
export const imageRef = () =>
  v.pipe(v.string(), v.maxLength(512), v.regex(/^(\/assets\/[\w./-]+|cloud:\/\/[\w./-]+|https:\/\/[\w.:/%?=&-]+)$/, '图片地址不正确'));

export const nonNegative = () => v.pipe(v.number(), v.finite(), v.minValue(0));
