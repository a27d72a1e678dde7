import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsOf, textOf, type WxmlElement } from './support/wxml-renderer';
import { DEMO, DIST, OPENIDS, startWorld, type SimWorld } from './support/sim-world';

/**
 * WeChat's screen reader (读屏) reads `aria-role`, `aria-label`, `aria-hidden` … from the rendered WXML. Taro's own
 * weapp template drops them; config/weapp-a11y-plugin.ts binds them. Here the built template is read, and pages
 * of the weapp build are rendered by WeChat's own template compiler to see the roles and labels arrive on the
 * nodes they were set on — with their own values, which proves the build-time template and the run-time data
 * number the attributes alike.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

const ariaNodes = (root: WxmlElement) => elementsOf(root).map(({ node }) => node);

/** What a screen reader would announce for one node's `aria-*` (as wcc passes them: camelCase). */
const aria = (node: WxmlElement) => ({ role: node.attr?.ariaRole, label: node.attr?.ariaLabel, hidden: node.attr?.ariaHidden, checked: node.attr?.ariaChecked });

/** Roles the app sets (src/components/a11y PressRole, headings, landmarks, live regions, tabs and dialogs). */
const KNOWN_ROLES = new Set(['button', 'link', 'tab', 'tablist', 'tabpanel', 'checkbox', 'switch', 'radio', 'radiogroup', 'option', 'listbox', 'heading', 'main', 'region', 'navigation', 'list', 'listitem', 'status', 'alert', 'dialog', 'img', 'group', 'search', 'progressbar', 'table', 'row', 'cell', 'columnheader', 'rowheader', 'presentation', 'none', 'banner', 'contentinfo', 'complementary', 'form', 'menu', 'menuitem', 'toolbar', 'figure', 'article', 'separator', 'note', 'log', 'timer']);

/** Every aria attribute on a page carries a value of its own kind: a shifted alias would put a class, a number or a src there. */
const misplacedAria = (root: WxmlElement): string[] =>
  ariaNodes(root).flatMap((node) => {
    const { role, hidden, checked } = aria(node);
    const problems: string[] = [];
    if (role !== undefined && !KNOWN_ROLES.has(String(role))) problems.push(`${node.tag} aria-role=${JSON.stringify(role)}`);
    if (hidden !== undefined && !['true', 'false', true, false].includes(hidden as string | boolean)) problems.push(`${node.tag} aria-hidden=${JSON.stringify(hidden)}`);
    if (checked !== undefined && !['true', 'false', 'mixed', true, false].includes(checked as string | boolean)) problems.push(`${node.tag} aria-checked=${JSON.stringify(checked)}`);
    return problems;
  });

describe('the built base template', () => {
  const base = readFileSync(join(DIST, 'base.wxml'), 'utf8');
  const openingTags = (tag: string) => [...base.matchAll(new RegExp(`<${tag}\\s[^>]*>`, 'g'))].map((m) => m[0]);

  it.each([
    ['view', ['aria-role', 'aria-label', 'aria-hidden', 'aria-checked', 'aria-selected', 'aria-expanded']],
    ['text', ['aria-role', 'aria-label', 'aria-hidden']],
    ['image', ['aria-role', 'aria-label', 'aria-hidden']],
    ['button', ['aria-role', 'aria-label', 'aria-disabled']],
    ['input', ['aria-label']],
    ['textarea', ['aria-label']],
    ['switch', ['aria-label']],
  ])('binds the screen reader attributes on <%s>', (tag, attributes) => {
    const tags = openingTags(tag).filter((t) => /aria-/.test(t));
    expect(tags.length).toBeGreaterThan(0);
    for (const attribute of attributes) expect(tags[0]).toMatch(new RegExp(`\\s${attribute}="\\{\\{i\\.p\\d+\\}\\}"`));
  });

  it('binds the role prop as WeChat’s aria-role, never as a bare role', () => {
    expect(base).not.toMatch(/\srole="/);
  });
});

describe('roles and labels on the rendered mini-program pages', () => {
  it('the card: the main region, the heading, its tiles as buttons and its decorative cover hidden', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    const { root } = card.render();
    const nodes = ariaNodes(root);

    expect(nodes.filter((n) => aria(n).role === 'main')).toHaveLength(1);
    expect(nodes.filter((n) => aria(n).role === 'heading').length).toBeGreaterThanOrEqual(1);
    const buttons = nodes.filter((n) => aria(n).role === 'button').map(textOf);
    expect(buttons).toEqual(expect.arrayContaining([expect.stringContaining('载体查询'), expect.stringContaining('留言咨询')]));
    // The district cover says nothing the heading does not: hidden from the reader.
    expect(nodes.filter((n) => n.tag === 'wx-image' && aria(n).hidden === 'true').length).toBeGreaterThan(0);
    // An icon-only control is named by its label (the contact card's phone: «拨打电话 <number>»).
    expect(nodes.map((n) => aria(n).label).filter((l) => typeof l === 'string' && l.startsWith('拨打电话'))).not.toEqual([]);
    expect(misplacedAria(root)).toEqual([]);
  });

  it('the lead form: every input is named for the reader', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const form = await app.start('inquiry/lead-form/index', { cardId: DEMO.headCardId });
    const { root } = form.render();
    // The honeypot input sits in an aria-hidden wrapper: the reader never reaches it, so it needs no name.
    const inputs = elementsOf(root)
      .filter(({ node, ancestors }) => (node.tag === 'wx-input' || node.tag === 'wx-textarea') && !ancestors.some((a) => aria(a).hidden === 'true'))
      .map(({ node }) => node);
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    expect(inputs.filter((n) => typeof aria(n).label !== 'string' || !aria(n).label)).toEqual([]);
    expect(inputs.map((n) => aria(n).label)).toEqual(expect.arrayContaining(['姓名（必填）', '单位名称（选填）']));
    expect(misplacedAria(root)).toEqual([]);
  });

  it('the card editor: the three visibility switches are named', async () => {
    const { app } = world.phone(OPENIDS.commissioner);
    const editor = await app.start('share/my-card/index', {});
    const { root } = editor.render();
    const switches = ariaNodes(root).filter((n) => n.tag === 'wx-switch').map((n) => aria(n).label);
    expect(switches).toEqual(['公开手机号', '公开微信号', '公开微信二维码']);
    expect(misplacedAria(root)).toEqual([]);
  });
});
