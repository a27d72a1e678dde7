import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { APP_ASSETS_GLOBAL, FIRST_SCREEN_STYLE_ID, SERVED_CARD_ELEMENT_ID } from '../src/first-screen/first-screen-handoff';

/**
 * Builds what index.html inlines for the H5 first screen (src/first-screen): the boot script, bundled and
 * minified, and the stylesheet — the app components' own CSS files plus the first screen's frame, with px
 * turned into rem the way Taro's pxtransform does for the app, so both render at the same size.
 * config/index.ts calls this for every H5 build.
 */

/** The app's base stylesheet, those of the components the first screen reuses, then its own frame. */
export const FIRST_SCREEN_STYLESHEETS = [
  'src/styles/tokens.css',
  'src/app.css',
  'src/pages/card/index.css',
  'src/components/demo-banner/index.css',
  'src/components/district-hero/index.css',
  'src/components/action-grid/index.css',
  'src/components/section-block/index.css',
  'src/components/expandable-text/index.css',
  'src/components/tag-list/index.css',
  'src/components/avatar/index.css',
  'src/components/contact-card/index.css',
  'src/components/chinese-mark/index.css',
  'src/components/segmented/index.css',
  'src/components/language-switch/index.css',
  'src/first-screen/first-screen.css',
];

/**
 * Taro's pxtransform for H5 (postcss-pxtransform's own pattern): lower-case px ÷ rootValue → rem with 5 decimals,
 * zero stays 0, a sign stays in front; quoted strings and url() are left alone, and so is upper-case PX.
 */
export const pxToRem = (css: string, rootValue: number): string =>
  css.replace(/"[^"]+"|'[^']+'|url\([^)]+\)|(\d*\.?\d+)px/g, (match: string, n: string | undefined) => {
    if (n === undefined) return match;
    const rem = Number((Number(n) / rootValue).toFixed(5));
    return rem === 0 ? '0' : `${rem}rem`;
  });

/** Drops comments, `@import`s (the files are inlined in order instead) and Taro's `#ifdef` blocks for other platforms, keeps the rules. */
const stripComments = (css: string): string =>
  css.replace(/^@import\s[^;]+;\s*$/gm, '').replace(/\/\*\s*#ifndef\s+h5\s*\*\/[\s\S]*?\/\*\s*#endif\s*\*\//g, '').replace(/\/\*\s*#ifdef\s+(?!h5\b)\w+\s*\*\/[\s\S]*?\/\*\s*#endif\s*\*\//g, '').replace(/\/\*[\s\S]*?\*\//g, '');

/** How design px become rem on H5 (config/index.ts: designWidth and h5.postcss.pxtransform). */
export interface RemScale {
  /** pxtransform's rootValue: design px per rem. */
  rootValue: number;
  designWidth: number;
  minRootSize: number;
  maxRootSize: number;
}

export interface FirstScreenOptions {
  root: string;
  /** TARO_APP_API_BASE, unquoted ('' = same origin). */
  apiBase: string;
  scale: RemScale;
}

export interface FirstScreenAssets {
  script: string;
  style: string;
  /** Sets the root font size; replaces Taro's own head script. */
  rootFontScript: string;
  /** The names index.html gives the pieces the boot script and the web host look for. */
  styleId: string;
  servedCardId: string;
  appAssetsGlobal: string;
}

/**
 * The root font size for rem, from the viewport's shorter side (a phone's width, also in landscape), clamped, and
 * then scaled by the user's own text size: it is written as a percentage of the browser's default font size
 * (16px unless the user chose otherwise), so 150 % text in the browser's settings makes every rem 1.5× larger.
 * Taro's stock script measures the document instead: while only the first screen (a fixed layer) is in it,
 * the document is a few px tall, the size drops to the minimum, and the app then lays out at another scale.
 */
export const rootFontSizeScript = ({ rootValue, designWidth, minRootSize, maxRootSize }: RemScale): string =>
  `!function(n){var d=n.document.documentElement;function f(){var w=Math.min(n.innerWidth||d.clientWidth,n.innerHeight||d.clientHeight)||d.clientWidth,x=${rootValue}*w/${designWidth};` +
  `d.style.fontSize=Number(((x>=${maxRootSize}?${maxRootSize}:x<=${minRootSize}?${minRootSize}:x)/16*100).toFixed(4))+"%"}n.addEventListener("resize",function(){f();setTimeout(f,500)});f()}(window);`;

export const buildFirstScreen = ({ root, apiBase, scale }: FirstScreenOptions): FirstScreenAssets => {
  const result = buildSync({
    entryPoints: [join(root, 'src/first-screen/first-screen-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: ['es2017'],
    legalComments: 'none',
    define: { 'process.env.TARO_ENV': '"h5"', 'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase) },
  });
  const script = result.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1');
  const style = FIRST_SCREEN_STYLESHEETS.map((file) => pxToRem(stripComments(readFileSync(join(root, file), 'utf8')), scale.rootValue))
    .join('\n')
    .replace(/\s*\n\s*/g, '\n')
    .replace(/<\/(style)/gi, '<\\/$1');
  return {
    script,
    style,
    rootFontScript: rootFontSizeScript(scale),
    styleId: FIRST_SCREEN_STYLE_ID,
    servedCardId: SERVED_CARD_ELEMENT_ID,
    appAssetsGlobal: APP_ASSETS_GLOBAL,
  };
};
