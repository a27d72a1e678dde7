/**
 * The H5 card page's own files, named in index.html so the first screen's boot script loads them with the app's
 * entry (src/first-screen/first-screen-boot.ts) instead of the router asking for them only after the entry has
 * run: one round trip less before the card page is ready (#12). A chunk's script may run before webpack's
 * runtime (it queues itself on the chunk list the runtime takes in at start), and a stylesheet already in the
 * page is not fetched again, so the router finds the page loaded.
 *
 * index.html carries `"cardPage":{"js":[],"css":[]}` as built by the template (src/index.html); this plugin fills
 * it in once the chunk files have their final names. A build where it finds no card page, or no slot, fails: the
 * first screen would silently lose its head start. The same for the English dictionary's chunk (`"english"`):
 * the web loads it only for an English visitor, with the entry, so the page is English from its first frame.
 */

/** What the template writes and this plugin fills in. */
export const CARD_PAGE_FILES_SLOT = '"cardPage":{"js":[],"css":[]}';
/** The English dictionary's lazy chunk (src/i18n/english-dictionary.ts), loaded with the entry for an English visitor. */
export const ENGLISH_FILES_SLOT = '"english":{"js":[],"css":[]}';
export const ENGLISH_CHUNK_NAME = 'english/dictionary';
const NAME = 'InvestcardH5CardPageFiles';

interface ChunkLike {
  name?: string | null;
  files: Iterable<string>;
  canBeInitial(): boolean;
  groupsIterable: Iterable<{ chunks: ChunkLike[]; isInitial(): boolean }>;
}

interface CompilationLike {
  chunks: Iterable<ChunkLike>;
  chunkGraph: { getChunkModulesIterable(chunk: ChunkLike): Iterable<{ resource?: string; rootModule?: { resource?: string }; modules?: { resource?: string }[] }> };
  getAsset(name: string): { source: { source(): string | Buffer } } | undefined;
  updateAsset(name: string, source: unknown): void;
  errors: Error[];
  hooks: { processAssets: { tap(options: { name: string; stage: number }, run: () => void): void } };
}

interface CompilerLike {
  webpack: { Compilation: { PROCESS_ASSETS_STAGE_REPORT: number }; sources: { RawSource: new (source: string) => unknown } };
  hooks: { thisCompilation: { tap(name: string, run: (compilation: CompilationLike) => void): void } };
}

/** The resource paths a module stands for (a concatenated module stands for all it took in). */
const resourcesOf = (module: { resource?: string; rootModule?: { resource?: string }; modules?: { resource?: string }[] }): string[] =>
  [module.resource, module.rootModule?.resource, ...(module.modules ?? []).map((m) => m.resource)].filter((r): r is string => typeof r === 'string').map((r) => r.split('?')[0] as string);

/** The files of the lazy chunk groups that hold `pageFile`, less what the entry already loads. */
export const cardPageFiles = (compilation: CompilationLike, pageFile: string): { js: string[]; css: string[] } | null => {
  const initialFiles = new Set<string>();
  for (const chunk of compilation.chunks) if (chunk.canBeInitial()) for (const f of chunk.files) initialFiles.add(f);
  const files = new Set<string>();
  for (const chunk of compilation.chunks) {
    if (chunk.canBeInitial()) continue;
    const holdsPage = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((m) => resourcesOf(m).includes(pageFile));
    if (!holdsPage) continue;
    for (const group of chunk.groupsIterable) {
      if (group.isInitial()) continue;
      for (const member of group.chunks) for (const f of member.files) if (!initialFiles.has(f)) files.add(f);
    }
  }
  if (files.size === 0) return null;
  const all = [...files].sort();
  const url = (f: string) => `/${f}`;
  return { js: all.filter((f) => f.endsWith('.js')).map(url), css: all.filter((f) => f.endsWith('.css')).map(url) };
};

/** The files of the lazy chunk named `name` (a `webpackChunkName`), or null when there is none. */
export const namedChunkFiles = (compilation: Pick<CompilationLike, 'chunks'>, name: string): { js: string[]; css: string[] } | null => {
  const files = [...compilation.chunks].filter((c) => c.name === name && !c.canBeInitial()).flatMap((c) => [...c.files]);
  if (files.length === 0) return null;
  const all = files.sort();
  return { js: all.filter((f) => f.endsWith('.js')).map((f) => `/${f}`), css: all.filter((f) => f.endsWith('.css')).map((f) => `/${f}`) };
};

export class H5CardPageFilesPlugin {
  constructor(
    private readonly pageFile: string,
    private readonly htmlFile = 'index.html',
  ) {}

  apply(compiler: CompilerLike): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After hashing (REALCONTENTHASH) and after html-webpack-plugin has written index.html.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset(this.htmlFile);
        if (!asset) return;
        const html = asset.source.source().toString();
        const files = cardPageFiles(compilation, this.pageFile);
        if (!html.includes(CARD_PAGE_FILES_SLOT) || !files) {
          compilation.errors.push(new Error(`${NAME}: ${files ? `no ${CARD_PAGE_FILES_SLOT} in ${this.htmlFile}` : `no lazy chunk holds ${this.pageFile}`}`));
          return;
        }
        const english = namedChunkFiles(compilation, ENGLISH_CHUNK_NAME);
        if (!html.includes(ENGLISH_FILES_SLOT) || !english) {
          compilation.errors.push(new Error(`${NAME}: ${english ? `no ${ENGLISH_FILES_SLOT} in ${this.htmlFile}` : `no lazy chunk named ${ENGLISH_CHUNK_NAME}`}`));
          return;
        }
        const filled = html.replace(CARD_PAGE_FILES_SLOT, `"cardPage":${JSON.stringify(files)}`).replace(ENGLISH_FILES_SLOT, `"english":${JSON.stringify(english)}`);
        compilation.updateAsset(this.htmlFile, new sources.RawSource(filled));
      });
    });
  }
}
