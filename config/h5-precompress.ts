import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

/**
 * The H5 build, precompressed: next to every text file of the output a `.br` (brotli, best quality) and a
 * `.gz` (gzip, level 9), so a web host answers from disk without compressing per request (the local cloud
 * serves them through sirv's `brotli`/`gzip` options; any CDN that takes precompressed variants can too).
 * Lives under config/ because Taro compiles only this folder when it loads the build config.
 */

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text kinds worth compressing; images and fonts are compressed already. */
export const COMPRESSIBLE_FILE = /\.(?:js|css|html|svg|json|ico|txt|webmanifest)$/;
/** Below this a compressed answer saves less than its own headers cost. */
export const MIN_COMPRESS_BYTES = 1024;

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))));
  return nested.flat();
};

/** Writes `<file>.br` and `<file>.gz` for each compressible file in `dir`; returns how many files it compressed. */
export const precompressDirectory = async (dir: string): Promise<number> => {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE_FILE.test(file));
  let compressed = 0;
  for (const file of files) {
    if ((await stat(file)).size < MIN_COMPRESS_BYTES) continue;
    const bytes = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    // A variant that is not smaller would only cost the client a decode.
    if (br.length < bytes.length) await writeFile(`${file}.br`, br);
    if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
    compressed += 1;
  }
  return compressed;
};

interface EmittingCompiler {
  outputPath: string;
  hooks: { afterEmit: { tapPromise(name: string, run: () => Promise<void>): void } };
}

/** Webpack plugin: precompresses the output once everything (scripts, styles, index.html, copied files) is on disk. */
export class H5PrecompressPlugin {
  apply(compiler: EmittingCompiler): void {
    compiler.hooks.afterEmit.tapPromise('InvestcardH5Precompress', async () => {
      await precompressDirectory(compiler.outputPath);
    });
  }
}
