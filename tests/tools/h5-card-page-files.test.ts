import { CARD_PAGE_FILES_SLOT, cardPageFiles, ENGLISH_CHUNK_NAME, ENGLISH_FILES_SLOT, H5CardPageFilesPlugin, namedChunkFiles } from '../../config/h5-card-page-files';

/**
 * config/h5-card-page-files.ts: index.html names the card page's chunk files, so the first screen loads them with
 * the entry. Checked on a stand-in of webpack's compilation (the real build is checked by tests/e2e/first-screen).
 */
const PAGE = '/repo/src/pages/card/index.tsx';

interface FakeChunk {
  name?: string;
  files: Set<string>;
  initial: boolean;
  modules: { resource?: string; modules?: { resource?: string }[] }[];
  groups: { chunks: FakeChunk[]; isInitial(): boolean }[];
  canBeInitial(): boolean;
  groupsIterable: { chunks: FakeChunk[]; isInitial(): boolean }[];
}

const chunk = (files: string[], initial: boolean, resources: (string | string[])[]): FakeChunk => {
  const c: FakeChunk = {
    files: new Set(files),
    initial,
    modules: resources.map((r) => (Array.isArray(r) ? { modules: r.map((resource) => ({ resource })) } : { resource: r })),
    groups: [],
    canBeInitial: () => initial,
    get groupsIterable() {
      return c.groups;
    },
  };
  return c;
};

const group = (initial: boolean, ...chunks: FakeChunk[]) => {
  const g = { chunks, isInitial: () => initial };
  chunks.forEach((c) => c.groups.push(g));
  return g;
};

const compilationOf = (chunks: FakeChunk[], html?: string) => {
  const assets = new Map<string, string>(html === undefined ? [] : [['index.html', html]]);
  let run: (() => void) | null = null;
  const compilation = {
    chunks,
    chunkGraph: { getChunkModulesIterable: (c: FakeChunk) => c.modules },
    getAsset: (name: string) => (assets.has(name) ? { source: { source: () => assets.get(name) as string } } : undefined),
    updateAsset: (name: string, source: { text: string }) => assets.set(name, source.text),
    errors: [] as Error[],
    hooks: { processAssets: { tap: (_o: unknown, fn: () => void) => (run = fn) } },
  };
  const compiler = {
    webpack: { Compilation: { PROCESS_ASSETS_STAGE_REPORT: 5000 }, sources: { RawSource: class { constructor(readonly text: string) {} } } },
    hooks: { thisCompilation: { tap: (_n: string, fn: (c: typeof compilation) => void) => fn(compilation) } },
  };
  new H5CardPageFilesPlugin(PAGE).apply(compiler as never);
  return { compilation, process: () => (run as unknown as () => void)(), html: () => assets.get('index.html') };
};

const app = () => chunk(['js/app.1.js', 'css/app.1.css'], true, ['/repo/src/app.tsx']);
const english = () => Object.assign(chunk(['js/english/dictionary.f.js'], false, ['/repo/src/i18n/en.ts']), { name: ENGLISH_CHUNK_NAME });

describe('the card page files named in index.html (config/h5-card-page-files.ts)', () => {
  it('finds the lazy chunk group holding the card page, less what the entry loads already', () => {
    const entry = app();
    group(true, entry);
    const page = chunk(['js/592.a.js', 'css/592.b.css'], false, [`${PAGE}?taro-page`, '/repo/src/pages/card/use-card.ts']);
    const shared = chunk(['js/16.c.js'], false, ['/repo/node_modules/x/index.js']);
    group(false, page, shared);
    const other = chunk(['js/70.d.js'], false, ['/repo/src/pages/carriers/index.tsx']);
    group(false, other);
    expect(cardPageFiles(compilationOf([entry, page, shared, other]).compilation, PAGE)).toEqual({ js: ['/js/16.c.js', '/js/592.a.js'], css: ['/css/592.b.css'] });
  });

  it('sees the page inside a concatenated module', () => {
    const page = chunk(['js/9.e.js'], false, [['/repo/src/pages/card/use-card.ts', PAGE]]);
    group(false, page);
    expect(cardPageFiles(compilationOf([page]).compilation, PAGE)).toEqual({ js: ['/js/9.e.js'], css: [] });
  });

  it('finds the English dictionary by its chunk name', () => {
    expect(namedChunkFiles({ chunks: [app(), english()] }, ENGLISH_CHUNK_NAME)).toEqual({ js: ['/js/english/dictionary.f.js'], css: [] });
    expect(namedChunkFiles({ chunks: [app()] }, ENGLISH_CHUNK_NAME)).toBeNull();
  });

  it('fills the slots index.html carries', () => {
    const page = chunk(['js/592.a.js', 'css/592.b.css'], false, [PAGE]);
    group(false, page);
    const html = `<script>window.__investcardAssets = {"js":["/js/app.1.js"],"css":[],${CARD_PAGE_FILES_SLOT},${ENGLISH_FILES_SLOT}};</script>`;
    const run = compilationOf([app(), page, english()], html);
    run.process();
    expect(run.compilation.errors).toEqual([]);
    expect(run.html()).toBe(
      '<script>window.__investcardAssets = {"js":["/js/app.1.js"],"css":[],"cardPage":{"js":["/js/592.a.js"],"css":["/css/592.b.css"]},"english":{"js":["/js/english/dictionary.f.js"],"css":[]}};</script>',
    );
  });

  it('fails the build rather than lose the head start silently: no card page, no English chunk, or no slot', () => {
    const noPage = compilationOf([app(), english()], `<script>{${CARD_PAGE_FILES_SLOT},${ENGLISH_FILES_SLOT}}</script>`);
    noPage.process();
    expect(noPage.compilation.errors.map((e) => e.message)).toEqual([expect.stringContaining(`no lazy chunk holds ${PAGE}`)]);

    const page = chunk(['js/592.a.js'], false, [PAGE]);
    group(false, page);
    const noSlot = compilationOf([page, english()], '<script>{}</script>');
    noSlot.process();
    expect(noSlot.compilation.errors.map((e) => e.message)).toEqual([expect.stringContaining('no "cardPage"')]);
    expect(noSlot.html()).toBe('<script>{}</script>');

    const noEnglish = compilationOf([page], `<script>{${CARD_PAGE_FILES_SLOT},${ENGLISH_FILES_SLOT}}</script>`);
    noEnglish.process();
    expect(noEnglish.compilation.errors.map((e) => e.message)).toEqual([expect.stringContaining(`no lazy chunk named ${ENGLISH_CHUNK_NAME}`)]);
  });
});
