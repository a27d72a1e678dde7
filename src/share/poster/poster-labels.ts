/**
 * The words the poster itself draws, in the card's language: a poster of a card shown in English is English.
 * Typed per key, so a label missing in one language fails the typecheck (the i18n dictionary is for pages; the
 * poster's few drawn words stay with the poster, in the share subpackage).
 */
export interface PosterLabels {
  eyebrow: string;
  demo: string;
  industries: string;
  codeTitle: Record<'wxacode' | 'url', string>;
  codeHint: (personName: string) => string;
  footer: (districtName: string) => string;
}

export const POSTER_LABELS: Record<'zh' | 'en', PosterLabels> = {
  zh: {
    eyebrow: '招商名片',
    demo: '演示数据 · 内容虚构',
    industries: '主导产业',
    codeTitle: { wxacode: '长按识别小程序码', url: '扫码打开招商名片' },
    codeHint: (name) => `查看载体与政策，在线咨询${name}`,
    footer: (district) => `${district} · 招商名片`,
  },
  en: {
    eyebrow: 'Investment card',
    demo: 'Demo data · fictional',
    industries: 'Key industries',
    codeTitle: { wxacode: 'Press and hold the code', url: 'Scan to open the card' },
    codeHint: (name) => `Sites, policies and an inquiry to ${name}`,
    footer: (district) => `${district} · Investment card`,
  },
};
