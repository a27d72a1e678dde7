import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * H5 only: each Taro component imported from its own module, so a page's chunk carries the components that page
 * uses and the entry only the ones the shell needs.
 *
 * Why: on H5, `@tarojs/components` is aliased to `@tarojs/components/lib/react`, whose `components.js` is ONE
 * module defining every React proxy. Tree shaking keeps only the components used anywhere in the app, but all of
 * them sit in that one module, which the entry needs — so Swiper (with the `swiper` library, ~165 KB, used by
 * the carrier-detail gallery only), Canvas (the poster), Picker… all load before the first page. Taro 4.2.1 has
 * no per-component import path for React on H5 (`useHtmlComponents` swaps in a different, less complete
 * library), so this writes one small module per component (the same `createReactComponent` call Taro's file
 * makes) and a Babel plugin rewrites `import { View, Swiper } from '@tarojs/components'` to them. The
 * mini-program build is untouched.
 */

const COMPONENTS_PACKAGE = '@tarojs/components';

/** `const Swiper = /*@__PURE__*\/ createReactComponent('taro-swiper-core', undefined, manipulatePropsFunction, defineCustomElementTaroSwiperCore);` */
const PROXY_LINE = /^const (\w+) = \/\*@__PURE__\*\/ createReactComponent\('([\w-]+)', undefined, manipulatePropsFunction, (\w+)\);$/gm;
/** `export { … defineCustomElement as defineCustomElementTaroSwiperCore } from './taro-swiper-core.js';` */
const DEFINER_EXPORT = /defineCustomElement as (defineCustomElementTaro\w+) \} from '\.\/([\w.-]+\.js)'/g;

export interface H5ComponentModules {
  /** Component name → absolute path of its own module. */
  modules: Map<string, string>;
}

/**
 * The components every page is made of, drawn on H5 as plain elements (src/platform/h5-components) instead of
 * Stencil custom elements: upgrading a page's hundreds of Views and Texts was most of the card page's first
 * render under a slow CPU (#12). The others (inputs, pickers, swiper, canvas…) stay Taro's own.
 */
export const PLAIN_H5_COMPONENTS: Readonly<Record<string, string>> = { View: 'view.tsx', Text: 'text.tsx', Image: 'image.tsx' };
const PLAIN_H5_COMPONENTS_DIR = join(__dirname, '..', 'src', 'platform', 'h5-components');

/** Writes the per-component modules (into a folder keyed by the installed package) and says where they are. */
export const writeH5ComponentModules = (): H5ComponentModules => {
  const packageDir = dirname(require.resolve(`${COMPONENTS_PACKAGE}/package.json`));
  const reactLib = join(packageDir, 'lib', 'react');
  const distComponents = join(packageDir, 'dist', 'components');
  const proxies = readFileSync(join(reactLib, 'components.js'), 'utf8');
  const definers = new Map<string, string>();
  for (const m of readFileSync(join(distComponents, 'index.js'), 'utf8').matchAll(DEFINER_EXPORT)) definers.set(m[1] as string, join(distComponents, m[2] as string));

  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const outDir = join(tmpdir(), `investcard-h5-components-${version}-${createHash('sha1').update(packageDir).digest('hex').slice(0, 8)}`);
  mkdirSync(outDir, { recursive: true });

  const modules = new Map<string, string>();
  for (const m of proxies.matchAll(PROXY_LINE)) {
    const [, name, tag, definerName] = m as unknown as [string, string, string, string];
    const definerFile = definers.get(definerName);
    // A component whose shape changed in a Taro update keeps coming from the shared module; a plain one has its own.
    if (!definerFile || name in PLAIN_H5_COMPONENTS) continue;
    const file = join(outDir, `${name}.js`);
    const source = [
      `import { createReactComponent } from ${JSON.stringify(join(reactLib, 'react-component-lib', 'createComponent.js'))};`,
      `import { manipulatePropsFunction } from ${JSON.stringify(join(reactLib, 'helper.js'))};`,
      `import { defineCustomElement } from ${JSON.stringify(definerFile)};`,
      `export const ${name} = /*@__PURE__*/ createReactComponent(${JSON.stringify(tag)}, undefined, manipulatePropsFunction, defineCustomElement);`,
      '',
    ].join('\n');
    writeFileSync(file, source);
    modules.set(name, file);
  }
  for (const [name, file] of Object.entries(PLAIN_H5_COMPONENTS)) modules.set(name, join(PLAIN_H5_COMPONENTS_DIR, file));
  return { modules };
};

/* Babel's types are not a dependency of this project: the few node shapes the plugin touches. */
interface Identifier {
  type: 'Identifier';
  name: string;
}
interface ImportSpecifierNode {
  type: string;
  importKind?: string;
  imported?: Identifier | { type: 'StringLiteral'; value: string };
  local: Identifier;
}
interface ImportDeclarationNode {
  importKind?: string;
  source: { value: string };
  specifiers: ImportSpecifierNode[];
}
interface BabelTypes {
  importDeclaration(specifiers: unknown[], source: unknown): unknown;
  importSpecifier(local: Identifier, imported: Identifier): unknown;
  identifier(name: string): Identifier;
  stringLiteral(value: string): unknown;
}
interface ImportPath {
  node: ImportDeclarationNode;
  insertAfter(nodes: unknown[]): void;
  remove(): void;
}

const importedName = (specifier: ImportSpecifierNode): string | null => {
  if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type' || !specifier.imported) return null;
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
};

/** The Babel plugin: value imports of known components move to their own modules; everything else stays. */
export const h5ComponentImportsPlugin =
  ({ modules }: H5ComponentModules) =>
  ({ types: t }: { types: BabelTypes }) => ({
    name: 'investcard-h5-component-imports',
    visitor: {
      ImportDeclaration(path: ImportPath) {
        const { node } = path;
        if (node.source.value !== COMPONENTS_PACKAGE || node.importKind === 'type') return;
        const moved = node.specifiers.filter((s) => {
          const name = importedName(s);
          return name !== null && modules.has(name);
        });
        if (moved.length === 0) return;
        const kept = node.specifiers.filter((s) => !moved.includes(s));
        path.insertAfter(
          moved.map((s) => {
            const name = importedName(s) as string;
            return t.importDeclaration([t.importSpecifier(t.identifier(s.local.name), t.identifier(name))], t.stringLiteral(modules.get(name) as string));
          }),
        );
        if (kept.length === 0) path.remove();
        else node.specifiers = kept;
      },
    },
  });
