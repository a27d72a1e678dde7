import path from 'node:path';
import type { IPluginContext } from '@tarojs/service';
import ariaAttributes from './weapp-aria-attributes.json';

/**
 * Two things Taro 4.2.1's weapp build does not do for accessibility, done at build time:
 *
 * 1. WeChat's screen reader (读屏) reads `aria-role`, `aria-label`, `aria-hidden`, `aria-checked` … on view, text,
 * image and button. Taro 4.2.1's weapp base template binds only the attributes its component list names, so the
 * roles and labels the components set (src/components/a11y) reached the H5 build but never the mini-program.
 * This plugin adds them to the template's list at build time and, through a runtime module, to the same list the
 * hydrate step numbers attributes from (both sides must agree, or every alias shifts).
 * The H5 role prop `role` is bound as WeChat's `aria-role`; other names stay as they are.
 *
 * 2. WeChat's font size (and 关怀模式): every page template starts with `<page-meta page-style="{{textScaleStyle}}">`,
 * which src/shell/text-scale-host.ts fills as each page loads (`--text-scale`, what the type tokens multiply by).
 * A page that enables Taro's own PageMeta keeps Taro's (one page-meta per page).
 */
export const WEAPP_ARIA_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, string>>>> = ariaAttributes;

/** The module app.js imports first (config/weapp-aria-runtime.js). */
export const WEAPP_ARIA_RUNTIME = path.join(__dirname, 'weapp-aria-runtime.js');

/** The page data key `<page-meta page-style>` binds (src/platform/text-scale.ts TEXT_SCALE_DATA_KEY). */
export const TEXT_SCALE_DATA_KEY = 'textScaleStyle';

/** The slice of Taro's mini-program Template this plugin drives (`@tarojs/shared` template.ts, the weapp Template). */
export interface AriaTemplate {
  mergeComponents(ctx: unknown, patch: Record<string, Record<string, string>>): void;
  replacePropName(name: string, value: string, componentName: string, componentAlias: unknown): string;
  buildPageTemplate(baseTempPath: string, page?: { content?: { enablePageMeta?: boolean } }): string;
}

/** The slice of Taro's platform (TaroPlatformBase) the build init hands over. */
export interface AriaPlatform {
  platform: string;
  template: AriaTemplate;
  runtimePath: string | string[];
}

const clone = (): Record<string, Record<string, string>> => JSON.parse(JSON.stringify(WEAPP_ARIA_ATTRIBUTES)) as Record<string, Record<string, string>>;

/** Template component names (dashed, as the template builder passes them) whose `role` becomes `aria-role`. */
const ROLE_HOSTS = new Set(
  Object.entries(WEAPP_ARIA_ATTRIBUTES)
    .filter(([, attributes]) => 'role' in attributes)
    .map(([name]) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()),
);

/** Template, page templates and runtime list patched once per build; a second call (watch mode) changes nothing. */
export const addAriaToWeapp = (ctx: unknown, platform: AriaPlatform): void => {
  if (platform.platform !== 'weapp') return;
  const { template } = platform;
  const patched = template as AriaTemplate & { investcardAria?: true };
  if (!patched.investcardAria) {
    template.mergeComponents(ctx, clone());
    const replacePropName = template.replacePropName.bind(template);
    template.replacePropName = (name, value, componentName, componentAlias) =>
      name === 'role' && ROLE_HOSTS.has(componentName) ? 'aria-role' : replacePropName(name, value, componentName, componentAlias);
    const buildPageTemplate = template.buildPageTemplate.bind(template);
    template.buildPageTemplate = (baseTempPath, page) => {
      const built = buildPageTemplate(baseTempPath, page);
      if (page?.content?.enablePageMeta) return built;
      // page-meta must be the page's first node; the import before it renders nothing.
      return built.replace(/^(<import [^>]*\/>)/, `$1\n<page-meta page-style="{{${TEXT_SCALE_DATA_KEY}}}"></page-meta>`);
    };
    patched.investcardAria = true;
  }
  const runtime = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath];
  if (!runtime.includes(WEAPP_ARIA_RUNTIME)) platform.runtimePath = [...runtime, WEAPP_ARIA_RUNTIME];
};

/**
 * Taro calls `ctx.onBuildInit(platform)` at the start of each platform build (TaroPlatformBase.build), after the
 * platform merged its own components and before the runner builds the template.
 */
const weappA11yPlugin = (ctx: IPluginContext): void => {
  ctx.registerMethod({ name: 'onBuildInit', fn: (platform: AriaPlatform) => addAriaToWeapp(ctx, platform) });
};

export default weappA11yPlugin;
