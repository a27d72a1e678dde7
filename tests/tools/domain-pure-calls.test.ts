import { join } from 'node:path';
import { transformSync } from '@babel/core';
import { minify } from 'terser';
import { domainPureCallsPlugin, isDomainFile } from '../../config/domain-pure-calls';

/**
 * The mini-program build's pure marks on domain's load-time calls (config/domain-pure-calls.ts, #12): a schema
 * a page does not read is dropped by the minifier instead of shipping in the main package.
 */

const ROOT = join(__dirname, '../..');
const DOMAIN_FILE = join(ROOT, 'domain/lead/example.schema.ts');

const mark = (code: string, filename = DOMAIN_FILE) =>
  transformSync(code, { filename, babelrc: false, configFile: false, plugins: [domainPureCallsPlugin], parserOpts: { plugins: ['typescript'] } })?.code ?? '';

const SCHEMAS = `
import * as v from 'valibot';
const line = v.pipe(v.string(), v.trim(), v.maxLength(80));
export const NameSchema = v.object({ name: line });
export const UnusedSchema = v.strictObject({ note: v.pipe(v.string(), v.maxLength(2000)), tags: v.array(line) });
export const KINDS = new Set(['a', 'b']);
export const describe = (x: unknown) => v.safeParse(NameSchema, x);
`;

describe('domain pure calls', () => {
  it('marks every call and `new` a top-level declaration runs at load time', () => {
    const out = mark(SCHEMAS);
    expect(out).toContain('const line = /*#__PURE__*/v.pipe(/*#__PURE__*/v.string(), /*#__PURE__*/v.trim(), /*#__PURE__*/v.maxLength(80));');
    expect(out).toContain('export const NameSchema = /*#__PURE__*/v.object({');
    expect(out).toContain('export const UnusedSchema = /*#__PURE__*/v.strictObject({');
    expect(out).toContain("export const KINDS = /*#__PURE__*/new Set(['a', 'b']);");
  });

  it('leaves calls inside functions, statements at the top level and files outside domain/ alone', () => {
    const out = mark(`${SCHEMAS}\nconsole.log('loaded');\nexport function check(x: unknown) { return v.parse(NameSchema, x); }\n`);
    expect(out).toContain('=> v.safeParse(NameSchema, x)');
    expect(out).toContain("\nconsole.log('loaded');");
    expect(out).toContain('return v.parse(NameSchema, x);');
    expect(mark(SCHEMAS, join(ROOT, 'src/pages/card/x.ts'))).not.toContain('__PURE__');
    expect(mark(SCHEMAS, join(ROOT, 'node_modules/domain/x.ts'))).not.toContain('__PURE__');
    expect(isDomainFile(join(ROOT, 'domain/common/text.ts'))).toBe(true);
    expect(isDomainFile(join(ROOT, 'src/i18n/zh.ts'))).toBe(false);
    expect(isDomainFile(undefined)).toBe(false);
  });

  it('does not mark a call twice', () => {
    expect(mark('export const A = /*#__PURE__*/ f();')).toBe('export const A = /*#__PURE__*/f();');
  });

  it('lets the minifier drop a schema nobody reads, as in a webpack module, and keep the one read', async () => {
    // A webpack module once its unused export is no longer exported: a function scope, `UnusedSchema` unreferenced.
    const module = (code: string) =>
      `(function (v, out) {\n${code.replace(/^import .*$/m, '').replace(/export const (NameSchema|KINDS|describe)/g, 'const $1').replace('export const UnusedSchema', 'const UnusedSchema')}\nout.describe = describe; out.KINDS = KINDS;\n})(valibot, exports);`;
    const minified = async (code: string) => (await minify(module(code), { compress: { unused: true, toplevel: false }, mangle: false })).code ?? '';
    const plain = await minified(SCHEMAS.replace(/: unknown/g, ''));
    const marked = await minified(mark(SCHEMAS).replace(/: unknown/g, ''));
    expect(plain).toContain('strictObject');
    expect(marked).not.toContain('strictObject');
    expect(marked).not.toContain('2000');
    expect(marked).toContain('v.object(');
    expect(marked).toContain('new Set(');
  });
});
