import type { ShareImageLayout } from '../../domain/report/bulletin-share-image.rules';

/** The font family name inside NotoSansHans-*.otf (what resvg matches `font-family` against). */
export const SHARE_FONT_FAMILY = 'Noto Sans Hans';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
// Characters XML 1.0 forbids (control codes a company name could carry) would make the whole SVG unreadable.
const xmlAllowed = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};
const xmlText = (s: string) => escapeXml([...s].filter(xmlAllowed).join(''));

/** The share image's layout as SVG: rectangles and text only, every string escaped. */
export const shareImageSvg = (layout: ShareImageLayout): string => {
  const rects = layout.rects.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="${r.radius}" fill="${r.color}"/>`);
  const texts = layout.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y}" font-size="${t.size}" font-weight="${t.bold ? 700 : 400}" fill="${t.color}" text-anchor="${t.anchor}" xml:space="preserve">${xmlText(t.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${SHARE_FONT_FAMILY}">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="${layout.background}"/>`,
    ...rects,
    ...texts,
    '</svg>',
  ].join('\n');
};
