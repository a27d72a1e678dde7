import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What the weapp main package is made of: src/app.tsx, the main pages of app.config.ts and what they import
 * statically (a dynamic `import()` becomes a lazy chunk elsewhere). #12 split these modules off to keep main at
 * ≤ 1.5× a Taro hello world; a main-package page importing one of them would bring it (and what it imports) back.
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'([^']+)'/gm;

const SPLIT_OFF: Record<string, string> = {
  'src/i18n/zh-inquiry.ts': 'the next steps’ Chinese texts (subpackage pages read them through useInquiryText)',
  'src/i18n/use-inquiry-text.ts': 'useInquiryText, which brings zh-inquiry.ts',
  'src/i18n/en.ts': 'the English dictionary (a lazy chunk of the english/ subpackage)',
  'domain/common/error-codes.ts': 'the backend’s message table (the app has src/services/client-error-messages.ts)',
};

const resolveModule = (from: string, spec: string): string | null => {
  const base = resolve(dirname(from), spec);
  // The weapp build prefers a file's `.weapp` variant, as Taro resolves it.
  for (const candidate of [`${base}.weapp.tsx`, `${base}.weapp.ts`, base, `${base}.ts`, `${base}.tsx`, join(base, 'index.weapp.ts'), join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && /\.(tsx?|js)$/.test(candidate)) return candidate;
  }
  return null;
};

const mainPages = (): string[] => {
  const config = readFileSync(join(ROOT, 'src/app.config.ts'), 'utf8');
  const list = /^\s*pages:\s*\[([^\]]*)\]/m.exec(config)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
};

/** Every file the main package reaches, with the chain that reached it (for the failure message). */
const mainPackageFiles = (): Map<string, string[]> => {
  const reached = new Map<string, string[]>();
  const visit = (file: string, chain: string[]): void => {
    const rel = relative(ROOT, file);
    if (reached.has(rel)) return;
    reached.set(rel, [...chain, rel]);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] as string;
      if (!spec.startsWith('.')) continue;
      const target = resolveModule(file, spec);
      if (target) visit(target, [...chain, rel]);
    }
  };
  visit(join(ROOT, 'src/app.tsx'), []);
  for (const page of mainPages()) {
    const file = resolveModule(join(ROOT, 'src', 'x'), `./${page}`);
    if (!file) throw new Error(`main page ${page} not found`);
    visit(file, []);
  }
  return reached;
};

describe('the weapp main package (app.tsx and the main pages of app.config.ts)', () => {
  const files = mainPackageFiles();

  it('reaches the three investor pages, their dictionary and the app’s own error texts', () => {
    expect(mainPages()).toEqual(['pages/card/index', 'pages/carriers/index', 'pages/carrier-detail/index']);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['src/pages/card/index.tsx', 'src/pages/carrier-detail/index.tsx', 'src/i18n/zh.ts', 'src/services/client-error-messages.ts', 'domain/common/error-code-list.ts']),
    );
  });

  it('imports none of the modules split off into subpackages', () => {
    const found = Object.keys(SPLIT_OFF)
      .filter((file) => files.has(file))
      .map((file) => `${file} — ${SPLIT_OFF[file]}: ${(files.get(file) as string[]).join(' → ')}`);
    expect(found).toEqual([]);
  });

  it('names no seed picture (src/seed-assets ships with the H5 build only)', () => {
    const naming = [...files.keys()].filter((file) => /\/assets\/(carriers|district|people)\//.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(naming).toEqual([]);
  });

  it('would notice a split-off module coming back', () => {
    // The subpackage pages do reach them: the walk follows the same imports a main page would.
    const inquiry = new Map<string, string[]>();
    const visit = (file: string): void => {
      const rel = relative(ROOT, file);
      if (inquiry.has(rel)) return;
      inquiry.set(rel, []);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = (m[1] as string).startsWith('.') ? resolveModule(file, m[1] as string) : null;
        if (target) visit(target);
      }
    };
    visit(join(ROOT, 'src/inquiry/lead-form/index.tsx'));
    expect(inquiry.has('src/i18n/zh-inquiry.ts')).toBe(true);
    expect(inquiry.has('src/i18n/use-inquiry-text.ts')).toBe(true);
  });
});
