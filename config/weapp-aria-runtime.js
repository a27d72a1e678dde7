// Runtime half of config/weapp-a11y-plugin.ts, imported by app.js before Taro's runtime renders anything.
// Taro shortens every attribute to an alias (p0, p1 …) numbered from the component's attribute list; the
// template (build time) and the hydrate step (here, at run time) must number the same list, so both merge
// the same file.
import { mergeInternalComponents } from '@tarojs/shared';
import attributes from './weapp-aria-attributes.json';

mergeInternalComponents(attributes);
