import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync, transformSync } from '@babel/core';
import { h5ComponentImportsPlugin, PLAIN_H5_COMPONENTS, writeH5ComponentModules } from '../../config/h5-component-imports';

/**
 * The H5 build's per-component imports (config/h5-component-imports.ts): every component Taro's React library
 * defines gets its own module, and the Babel plugin moves value imports of `@tarojs/components` onto them, so
 * a page's chunk carries only its own components.
 */

const modules = writeH5ComponentModules();
const rewrite = (code: string) =>
  transformSync(code, { filename: 'page.tsx', babelrc: false, configFile: false, plugins: [h5ComponentImportsPlugin(modules)], parserOpts: { plugins: ['typescript', 'jsx'] } })?.code ?? '';

describe('per-component modules', () => {
  it('covers the components the app uses, each defining only its own custom element', () => {
    for (const name of ['View', 'Text', 'Image', 'Button', 'Input', 'Textarea', 'Picker', 'ScrollView', 'Swiper', 'SwiperItem', 'Canvas', 'Switch']) {
      expect(modules.modules.has(name)).toBe(true);
    }
    const swiper = readFileSync(modules.modules.get('Swiper') as string, 'utf8');
    expect(swiper).toContain(`createReactComponent("taro-swiper-core"`);
    expect(swiper).toMatch(/import \{ defineCustomElement \} from ".*dist\/components\/taro-swiper-core\.js";/);
    expect(swiper).not.toContain('lib/react/components.js');
    const input = readFileSync(modules.modules.get('Input') as string, 'utf8');
    expect(input).toContain(`createReactComponent("taro-input-core"`);
    expect(input).not.toContain('swiper');
  });

  it('draws View, Text and Image as the app’s plain elements, not Stencil ones', () => {
    for (const [name, file] of Object.entries(PLAIN_H5_COMPONENTS)) {
      const module = modules.modules.get(name) as string;
      expect(module).toBe(join(__dirname, '..', '..', 'src', 'platform', 'h5-components', file));
      const source = readFileSync(module, 'utf8');
      expect(source).toContain(`export const ${name} = forwardRef`);
      expect(source).not.toContain('createReactComponent');
    }
  });

  it('leaves Block (a React Fragment, no custom element) to the shared module', () => {
    expect(modules.modules.has('Block')).toBe(false);
  });
});

describe('the import rewrite', () => {
  it('moves each component to its module, keeping local names', () => {
    const out = rewrite(`import { View, Swiper as Gallery } from '@tarojs/components';\nexport const a = [View, Gallery];`);
    expect(out).not.toContain(`from '@tarojs/components'`);
    expect(out).toContain(`import { View } from ${JSON.stringify(modules.modules.get('View'))}`);
    expect(out).toContain(`import { Swiper as Gallery } from ${JSON.stringify(modules.modules.get('Swiper'))}`);
  });

  it('keeps type imports and names it does not know in the original import', () => {
    const out = rewrite(`import { View, Block, type ITouchEvent } from '@tarojs/components';\nimport type { ButtonProps } from '@tarojs/components';\nexport const a = [View, Block];`);
    expect(out).toContain(`import { Block, type ITouchEvent } from '@tarojs/components'`);
    expect(out).toContain(`import type { ButtonProps } from '@tarojs/components'`);
    expect(out).toContain(`import { View } from ${JSON.stringify(modules.modules.get('View'))}`);
  });

  it('touches no other package', () => {
    const code = `import { View } from '@tarojs/taro';\nexport const a = View;`;
    expect(rewrite(code)).toContain(`import { View } from '@tarojs/taro'`);
  });
});

/**
 * The plain View/Text/Image hand every prop they do not know to the element (src/platform/h5-components/dom-props.ts):
 * a Taro prop they do not implement would turn into a stray attribute. Every prop the app writes on them is one
 * they implement, a Taro prop they drop, or a DOM one.
 */
describe('props the app gives View, Text and Image on H5', () => {
  const HANDLED: Record<string, string[]> = {
    View: ['hoverClass', 'hoverStartTime', 'hoverStayTime', 'catchMove'],
    Text: ['userSelect', 'selectable', 'space', 'numberOfLines'],
    Image: ['src', 'mode', 'lazyLoad', 'onLoad', 'onError', 'nativeProps', 'showMenuByLongpress', 'ariaLabel'],
  };
  const DOM = new Set(['key', 'id', 'className', 'style', 'role', 'tabIndex', 'lang', 'onClick', 'onKeyDown', 'onTouchStart', 'onTouchEnd', 'ref', 'children']);

  type AstNode = { type?: string; [key: string]: unknown };
  const walk = (node: unknown, visit: (n: AstNode) => void): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
    else if (node && typeof node === 'object' && typeof (node as AstNode).type === 'string') {
      visit(node as AstNode);
      for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') walk(value, visit);
    }
  };
  const srcDir = join(__dirname, '..', '..', 'src');
  const files = (readdirSync(srcDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx')).map((f) => join(srcDir, f));

  it('are all implemented, dropped or DOM props', () => {
    const unknown: string[] = [];
    let seen = 0;
    for (const file of files) {
      const ast = parseSync(readFileSync(file, 'utf8'), { filename: file, babelrc: false, configFile: false, parserOpts: { plugins: ['typescript', 'jsx'] } });
      walk(ast?.program, (n) => {
        if (n.type !== 'JSXOpeningElement') return;
        const name = (n.name as { type: string; name?: string }).name;
        if (!name || !(name in HANDLED)) return;
        for (const attr of n.attributes as { type: string; name?: { name?: unknown } }[]) {
          if (attr.type !== 'JSXAttribute') continue;
          const prop = typeof attr.name?.name === 'string' ? attr.name.name : '';
          seen += 1;
          if (DOM.has(prop) || prop.startsWith('data-') || prop.startsWith('aria-') || HANDLED[name]?.includes(prop)) continue;
          unknown.push(`${file.slice(srcDir.length + 1)}: <${name} ${prop}>`);
        }
      });
    }
    expect(seen).toBeGreaterThan(1000);
    expect(unknown).toEqual([]);
  });
});
