/**
 * WeChat subscribe-message template ids, configured at build time (`TARO_APP_TEMPLATE_*`, inlined by Taro).
 * An id must look like one the console shows; anything else means "not configured" and hides the offer.
 */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The valid ids in a comma-separated setting, at most `max` (WeChat asks for up to 3 in one dialog). */
export const templateIdsFrom = (raw: string | undefined, max = 3): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => TEMPLATE_ID.test(s))
    .slice(0, max);

/** Reads a build-time setting; where it was not inlined, `process` may not exist on the device at all. */
export const buildSetting = (read: () => string | undefined): string => {
  try {
    return read() ?? '';
  } catch {
    return '';
  }
};
