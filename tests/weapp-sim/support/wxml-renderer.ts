import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import vm from 'node:vm';

/**
 * WeChat's own WXML compiler (`wcc`, from the miniprogram-compiler package) turns the weapp build's templates into
 * the `$gwx` JavaScript WeChat's render layer runs; here that code turns a page's `setData` tree into the element
 * tree the device would draw. Custom components (Taro's recursive `comp`) are expanded with their own template.
 */

/** One element of the rendered tree, as `$gwx` returns it (`tag` is `wx-view`, `wx-text`, … or `virtual`). */
export interface WxmlElement {
  tag: string;
  attr?: Record<string, unknown>;
  children?: Array<WxmlElement | string>;
}

export interface RenderedPage {
  root: WxmlElement;
  /** Element nodes (text excluded; custom component hosts included), as WeChat's audit counts WXML nodes. */
  nodes: number;
  /** Deepest element nesting below the page root. */
  depth: number;
  /** Visible text, in document order, joined by single spaces. */
  text: string;
  /** Every problem the template runtime reported while rendering (missing templates, bad data). */
  warnings: string[];
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? walk(join(dir, entry)) : [join(dir, entry)]));

/** The package ships its binaries without the executable bit; a private executable copy is used instead. */
const executableCompiler = (): string => {
  const source = join(require.resolve('miniprogram-compiler/package.json'), '..', 'bin', 'linux', 'wcc');
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`wcc ships for linux-x64 only (this is ${process.platform}-${process.arch})`);
  const dir = join(tmpdir(), `investcard-wcc-${statSync(source).size}`);
  const target = join(dir, 'wcc');
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    const staged = `${target}.${process.pid}`;
    copyFileSync(source, staged);
    chmodSync(staged, 0o755);
    // Atomic publish: parallel test workers may race here; every copy is identical.
    renameSync(staged, target);
  }
  return target;
};

/** `wcc -cc` over every .wxml of the build, each page or component with its `usingComponents`. */
export const compileWxml = (dist: string): string => {
  const files = walk(dist).filter((f) => f.endsWith('.wxml')).map((f) => relative(dist, f)).sort();
  const wxs = walk(dist).filter((f) => f.endsWith('.wxs')).map((f) => relative(dist, f)).sort();
  const componentArgs: string[] = [];
  let withComponents = 0;
  for (const file of files) {
    const json = join(dist, file.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const using = Object.keys((JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {});
    if (!using.length) continue;
    withComponents += 1;
    componentArgs.push(file, String(using.length), ...using);
  }
  const run = spawnSync(executableCompiler(), ['-d', '-cc', [withComponents, ...componentArgs].join(' '), ...files, ...wxs, '-gn', '$gwx'], {
    cwd: dist,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`wcc failed (${run.status}): ${run.stderr || run.error?.message}`);
  return run.stdout;
};

type Generator = (data: unknown, dd: unknown, global: unknown) => WxmlElement;

/** Which template a custom component tag renders, and the page/component it sits in. */
interface ComponentTable {
  /** `wx-comp` in `pages/card/index.wxml` → `comp.wxml`. */
  resolve(ownerWxml: string, tag: string): string | null;
}

const componentTable = (dist: string): ComponentTable => {
  const cache = new Map<string, Record<string, string>>();
  const usingOf = (wxml: string): Record<string, string> => {
    let using = cache.get(wxml);
    if (!using) {
      const json = join(dist, wxml.replace(/\.wxml$/, '.json'));
      using = existsSync(json) ? ((JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {}) : {};
      cache.set(wxml, using);
    }
    return using;
  };
  return {
    resolve(ownerWxml, tag) {
      const name = tag.replace(/^wx-/, '');
      const target = usingOf(ownerWxml)[name];
      if (!target) return null;
      const base = ownerWxml.split('/').slice(0, -1);
      for (const part of target.split('/')) {
        if (part === '..') base.pop();
        else if (part !== '.' && part !== '') base.push(part);
      }
      return `${base.join('/')}.wxml`;
    },
  };
};

/** The render layer: `$gwx` evaluated once in a bare context of its own (the host's built-ins would break WXS). */
export class WxmlRenderer {
  private readonly context: vm.Context;
  private readonly gwx: (path: string) => Generator | undefined;
  private readonly components: ComponentTable;
  private warnings: string[] = [];

  constructor(dist: string, compiled = compileWxml(dist)) {
    const sink = (...args: unknown[]) => this.warnings.push(args.map(String).join(' '));
    this.context = vm.createContext({ console: { log: sink, warn: sink, error: sink, info: () => undefined, debug: () => undefined } });
    vm.runInContext(`var window = this; var __wxAppCode__ = {}; var __WXML_GLOBAL__; var $gwx;\n${compiled}`, this.context, { filename: 'wcc-output.js' });
    this.gwx = this.context.$gwx as (path: string) => Generator | undefined;
    this.components = componentTable(dist);
  }

  /** Data crossing into the render layer, as WeChat serialises it between its threads. */
  private adopt(data: unknown): unknown {
    return vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(data))})`, this.context);
  }

  private readonly generators = new Map<string, Generator>();

  private generate(wxml: string, data: unknown): WxmlElement {
    // `$gwx(path)` re-evaluates every template definition on each call: its generator is kept and reused.
    let generator = this.generators.get(wxml);
    if (!generator) {
      generator = this.gwx(wxml);
      if (typeof generator !== 'function') throw new Error(`no compiled template for ${wxml}`);
      this.generators.set(wxml, generator);
    }
    return generator(this.adopt(data), {}, {});
  }

  /** Custom component tags are replaced by what their own template renders from their properties. */
  private expand(node: WxmlElement, ownerWxml: string, depth: number): WxmlElement {
    if (depth > 64) throw new Error(`custom components nested more than 64 deep in ${ownerWxml}`);
    const children = (node.children ?? []).map((child) => {
      if (typeof child === 'string') return child;
      const componentWxml = child.tag.startsWith('wx-') ? this.components.resolve(ownerWxml, child.tag) : null;
      if (!componentWxml) return this.expand(child, ownerWxml, depth);
      const rendered = this.generate(componentWxml, child.attr ?? {});
      const host: WxmlElement = { tag: child.tag, attr: { ...child.attr, i: undefined, l: undefined }, children: rendered.children ?? [] };
      return this.expand(host, componentWxml, depth + 1);
    });
    return { ...node, children };
  }

  render(pageRoute: string, data: unknown): RenderedPage {
    this.warnings = [];
    const wxml = `${pageRoute}.wxml`;
    const root = this.expand(this.generate(wxml, data), wxml, 0);
    const measured = measure(root);
    return { root, ...measured, warnings: this.warnings };
  }
}

/** Custom component hosts (Taro's `comp`) are nodes of WeChat's tree too, so they count. */
const isElement = (tag: string): boolean => tag !== 'virtual' && tag !== 'wx-page';

const measure = (root: WxmlElement): { nodes: number; depth: number; text: string } => {
  let nodes = 0;
  let maxDepth = 0;
  const text: string[] = [];
  const visit = (node: WxmlElement, depth: number): void => {
    const counted = isElement(node.tag);
    const here = counted ? depth + 1 : depth;
    if (counted) {
      nodes += 1;
      maxDepth = Math.max(maxDepth, here);
    }
    for (const child of node.children ?? []) {
      if (typeof child === 'string') {
        if (child.trim()) text.push(child.trim());
      } else visit(child, here);
    }
  };
  visit(root, 0);
  return { nodes, depth: maxDepth, text: text.join(' ') };
};

/** Depth-first list of elements, each with its ancestors (nearest last). */
export const elementsOf = (root: WxmlElement): Array<{ node: WxmlElement; ancestors: WxmlElement[] }> => {
  const out: Array<{ node: WxmlElement; ancestors: WxmlElement[] }> = [];
  const visit = (node: WxmlElement, ancestors: WxmlElement[]): void => {
    out.push({ node, ancestors });
    for (const child of node.children ?? []) if (typeof child !== 'string') visit(child, [...ancestors, node]);
  };
  visit(root, []);
  return out;
};

/** The visible text of one element and its descendants. */
export const textOf = (node: WxmlElement): string =>
  (node.children ?? [])
    .map((child) => (typeof child === 'string' ? child.trim() : textOf(child)))
    .filter(Boolean)
    .join(' ');
