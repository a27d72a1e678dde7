import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileStore } from '../_lib/deps';

/**
 * The bulletin's CJK font (Noto Sans Hans, GB2312 set, 8 MB; pdfkit embeds only the glyphs a bulletin uses).
 * Locally it is read where npm put it. In the cloud it is not bundled (the upload would carry 8 MB on every
 * deploy and cold start): it lives in cloud storage (BULLETIN_FONT_FILE_ID, uploaded once from
 * node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf) and is copied to /tmp on the first bulletin of a
 * container, then reused while the container lives.
 */
export const FONT_FILE = 'NotoSansHans-Regular.otf';
const CACHE = join('/tmp', 'investcard-fonts', FONT_FILE);
const INSTALLED = [resolve(__dirname, '../../node_modules/@embedpdf/fonts-sc/fonts', FONT_FILE), resolve(process.cwd(), 'node_modules/@embedpdf/fonts-sc/fonts', FONT_FILE)];

export class FontMissing extends Error {
  constructor() {
    super('bulletin font not available: set BULLETIN_FONT_FILE_ID to the cloud file id of NotoSansHans-Regular.otf');
    this.name = 'FontMissing';
  }
}

export const bulletinFontPath = async (files: FileStore, env: Record<string, string | undefined> = process.env): Promise<string> => {
  if (env.BULLETIN_FONT_PATH && existsSync(env.BULLETIN_FONT_PATH)) return env.BULLETIN_FONT_PATH;
  const installed = INSTALLED.find((p) => existsSync(p));
  if (installed) return installed;
  if (existsSync(CACHE)) return CACHE;
  const fileId = env.BULLETIN_FONT_FILE_ID;
  const bytes = fileId ? await files.get(fileId) : null;
  if (!bytes) throw new FontMissing();
  mkdirSync(join('/tmp', 'investcard-fonts'), { recursive: true });
  writeFileSync(CACHE, bytes);
  return CACHE;
};
