import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { shareImageLayout, type ShareImageInput } from '../../domain/report/bulletin-share-image.rules';
import { SHARE_FONT_FAMILY, shareImageSvg } from './bulletin-image-svg';

/**
 * The bulletin's share image: its layout as SVG, rendered to PNG by resvg (Rust, as WebAssembly: no browser, no
 * native module to build for the cloud's Node). The .wasm is no JavaScript, so esbuild cannot bundle it:
 * tools/build-functions.ts copies it beside the reports bundle as `resvg.wasm`; locally it is read where npm put it.
 */
export const RESVG_WASM_FILE = 'resvg.wasm';
const WASM_PLACES = [
  join(__dirname, RESVG_WASM_FILE),
  resolve(__dirname, '../../node_modules/@resvg/resvg-wasm/index_bg.wasm'),
  resolve(process.cwd(), 'node_modules/@resvg/resvg-wasm/index_bg.wasm'),
];

export class ImageRendererMissing extends Error {
  constructor() {
    super(`resvg wasm not found (looked in ${WASM_PLACES.join(', ')}): the reports bundle must carry ${RESVG_WASM_FILE}`);
    this.name = 'ImageRendererMissing';
  }
}

export const resvgWasmPath = (): string => {
  const found = WASM_PLACES.find((p) => existsSync(p));
  if (!found) throw new ImageRendererMissing();
  return found;
};

// resvg's wasm can be initialised once per process; every render after the first reuses it.
let ready: Promise<void> | null = null;
const initialised = (): Promise<void> => {
  // The bytes, never a path or URL: initWasm fetches only what it is given as a URL (Node 16 has no fetch).
  ready ??= initWasm(readFileSync(resvgWasmPath())).catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
};

// The font file is read once per container (8 MB; resvg parses only the glyphs it draws).
const fonts = new Map<string, Uint8Array>();
const fontBytes = (path: string): Uint8Array => {
  let bytes = fonts.get(path);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(path));
    fonts.set(path, bytes);
  }
  return bytes;
};

export interface RenderedShareImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Renders a bulletin's share image (1080×1350 PNG) in the bulletin's CJK font. */
export const renderShareImage = async (input: ShareImageInput, fontPath: string): Promise<RenderedShareImage> => {
  await initialised();
  const svg = shareImageSvg(shareImageLayout(input));
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [fontBytes(fontPath)], defaultFontFamily: SHARE_FONT_FAMILY, sansSerifFamily: SHARE_FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
};
