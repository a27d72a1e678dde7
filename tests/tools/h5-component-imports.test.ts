import { readFileSync } from 'node:fs';
import { transformSync } from '@babel/core';
import { h5ComponentImportsPlugin, writeH5ComponentModules } from '../../config/h5-component-imports';

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
    const view = readFileSync(modules.modules.get('View') as string, 'utf8');
    expect(view).toContain(`createReactComponent("taro-view-core"`);
    expect(view).not.toContain('swiper');
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
