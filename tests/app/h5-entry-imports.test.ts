import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What src/app.tsx pulls in statically is the H5 entry, loaded before any page. A namespace import of valibot
 * there (`import * as v`) made webpack keep the whole library (~105 KB) in the entry (#12); pages and their
 * chunks may use either form, the entry's own files import valibot by name.
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /^\s*import\s+(?!type\b)([^'";]*?)\s+from\s+'([^']+)'/gm;

const resolveModule = (from: string, spec: string): string | null => {
  const base = resolve(dirname(from), spec);
  // The H5 build prefers a file's `.h5` variant, as Taro resolves it.
  for (const candidate of [`${base}.h5.tsx`, `${base}.h5.ts`, base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  return null;
};

const entryFiles = (): string[] => {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[2] as string;
      if (!spec.startsWith('.')) continue;
      const target = resolveModule(file, spec);
      if (target) visit(target);
    }
  };
  visit(join(ROOT, 'src/app.tsx'));
  return [...seen].map((f) => relative(ROOT, f));
};

describe('the H5 entry (src/app.tsx and what it imports)', () => {
  it('reaches the demo persona switcher, which validates with valibot', () => {
    expect(entryFiles()).toEqual(expect.arrayContaining(['src/app.tsx', 'src/services/demo-persona.ts']));
  });

  it('leaves the English dictionary out: a lazy chunk, which index.html adds for an English visitor only', () => {
    expect(entryFiles()).toContain('src/i18n/english-dictionary.ts');
    expect(entryFiles()).not.toContain('src/i18n/en.ts');
  });

  it('imports valibot by name only', () => {
    const namespaced = entryFiles().filter((f) => /import\s+\*\s+as\s+\w+\s+from\s+'valibot'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(namespaced).toEqual([]);
  });
});
