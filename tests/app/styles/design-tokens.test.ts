/**
 * @jest-environment node
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { COLOR } from '../../../src/styles/tokens';

/**
 * The design tokens (src/styles/tokens.css) are the only place a colour is written, and the contrast goals they
 * declare hold: every text colour is declared on the backgrounds it is meant for, and each declared pair is
 * measured here with the WCAG 2.1 formula.
 */

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');
const TOKENS_FILE = join(SRC, 'styles/tokens.css');

const stylesheets = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });

const scripts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

interface Rule {
  file: string;
  selector: string;
  declarations: Array<{ prop: string; value: string }>;
}

/** The innermost `selector { … }` blocks (inside @media too), with their declarations. */
const rulesOf = (file: string): Rule[] => {
  const css = stripComments(readFileSync(file, 'utf8'));
  const rules: Rule[] = [];
  for (const match of css.matchAll(/([^{};]+)\{([^{}]*)\}/g)) {
    const declarations = match[2]
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const colon = part.indexOf(':');
        return { prop: part.slice(0, colon).trim().toLowerCase(), value: part.slice(colon + 1).trim() };
      });
    rules.push({ file: relative(ROOT, file), selector: match[1].trim(), declarations });
  }
  return rules;
};

const tokenRules = rulesOf(TOKENS_FILE);
const tokens = new Map(tokenRules.flatMap((rule) => rule.declarations).filter((d) => d.prop.startsWith('--')).map((d) => [d.prop, d.value]));
const appSheets = stylesheets(SRC).filter((file) => file !== TOKENS_FILE);

// ---- WCAG 2.1 contrast -------------------------------------------------------------------------------------

type Rgba = [number, number, number, number];

const parseColour = (text: string): Rgba => {
  const value = text.trim().toLowerCase();
  const hex = value.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const rgb = value.match(/^rgba?\(([^)]+)\)$/);
  if (rgb) {
    const [r, g, b, a = '1'] = rgb[1].split(',').map((part) => part.trim());
    return [Number(r), Number(g), Number(b), Number(a)];
  }
  throw new Error(`not a colour: ${text}`);
};

/** A translucent colour as seen over an opaque one. */
const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];

const luminance = ([r, g, b]: Rgba): number => {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};

export const contrastRatio = (foreground: Rgba, background: Rgba): number => {
  const opaqueBackground = over(background, [255, 255, 255, 1]);
  const [lighter, darker] = [luminance(over(foreground, opaqueBackground)), luminance(opaqueBackground)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
};

/** The colours a background token shows: a colour, or every stop of a gradient. */
const backgroundColours = (token: string): Rgba[] => {
  const value = tokens.get(token);
  if (value === undefined) throw new Error(`${token} is not a token`);
  const literals = value.match(/#[0-9a-f]{3,6}\b|rgba?\([^)]*\)/gi) ?? [];
  if (!literals.length) throw new Error(`${token} has no colour: ${value}`);
  return literals.map(parseColour);
};

interface ContrastGoal {
  minimum: number;
  foreground: string;
  backgrounds: string[];
}

const goals: ContrastGoal[] = [...readFileSync(TOKENS_FILE, 'utf8').matchAll(/@contrast\s+([\d.]+)\s+(--[\w-]+)\s+on\s+([^\n*]+)/g)].map((m) => ({
  minimum: Number(m[1]),
  foreground: m[2],
  backgrounds: m[3].trim().split(/\s+/),
}));

const declaredPairs = new Set(goals.flatMap((goal) => goal.backgrounds.map((background) => `${goal.foreground} on ${background}`)));

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i;
const NAMED_COLOUR = /(?:^|[\s,(])(white|black|red|green|blue|gray|grey|silver|orange|yellow|purple|pink|brown|gold)(?=$|[\s,)])/i;
const COLOUR_PROPS = /^(color|background(-color|-image)?|border(-(top|right|bottom|left))?(-color)?|outline(-color)?|box-shadow|text-shadow|fill|stroke|caret-color|text-decoration(-color)?)$/;

const soleVar = (value: string): string | null => value.match(/^var\((--[\w-]+)\)$/)?.[1] ?? null;

describe('design tokens (src/styles/tokens.css)', () => {
  it('parses: the agreed names are defined, and the tap-target minimum is 44 CSS px (88 design px)', () => {
    const agreed = ['--color-brand', '--color-brand-strong', '--color-brand-soft', '--color-on-brand', '--color-text', '--color-text-secondary', '--color-text-inverse', '--color-bg', '--color-surface', '--color-surface-muted', '--color-border', '--color-success', '--color-warning', '--color-danger', '--color-info', '--color-focus', '--radius-s', '--radius-m', '--radius-l', '--radius-pill', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `--space-${n}`), '--font-size-xs', '--font-size-s', '--font-size-m', '--font-size-l', '--font-size-xl', '--font-size-xxl', '--line-height-body', '--tap-min', '--shadow-card'];
    expect(agreed.filter((name) => !tokens.has(name))).toEqual([]);
    expect(tokens.get('--tap-min')).toBe('88px');
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => tokens.get(`--space-${n}`))).toEqual(['8px', '16px', '24px', '32px', '40px', '48px', '64px', '80px']);
    expect(goals.length).toBeGreaterThan(10);
  });

  it('is imported once, by src/app.css, and by nothing else', () => {
    const importers = appSheets.filter((file) => /@import\s+['"][^'"]*tokens\.css['"]/.test(readFileSync(file, 'utf8')));
    expect(importers.map((file) => relative(ROOT, file))).toEqual(['src/app.css']);
  });

  it('holds the only colour literals: no hex, rgb(a), hsl(a) or named colour in any other stylesheet', () => {
    expect(appSheets.length).toBeGreaterThan(40);
    const offenders = appSheets.flatMap((file) =>
      rulesOf(file).flatMap((rule) =>
        rule.declarations
          .filter((d) => COLOUR_LITERAL.test(d.value) || (COLOUR_PROPS.test(d.prop) && NAMED_COLOUR.test(d.value)))
          .map((d) => `${rule.file} ${rule.selector} { ${d.prop}: ${d.value} }`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('defines every token the stylesheets use', () => {
    const used = new Set(appSheets.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/var\((--[\w-]+)/g)].map((m) => m[1])));
    // --text-scale is the one variable set at run time (WeChat's font size on the page root), never in the tokens.
    expect([...used].filter((name) => !tokens.has(name) && name !== '--text-scale')).toEqual([]);
  });

  it('meets every contrast goal it declares, measured with the WCAG formula (gradients at each stop)', () => {
    const failures = goals.flatMap((goal) => {
      const foreground = parseColour(tokens.get(goal.foreground) ?? 'missing');
      return goal.backgrounds.flatMap((background) =>
        backgroundColours(background)
          .map((colour) => contrastRatio(foreground, colour))
          .filter((ratio) => ratio < goal.minimum)
          .map((ratio) => `${goal.foreground} on ${background}: ${ratio.toFixed(2)} < ${goal.minimum}`),
      );
    });
    expect(failures).toEqual([]);
  });

  it('gives every colour used for text a declared contrast goal', () => {
    const textTokens = new Set(
      appSheets.flatMap((file) =>
        rulesOf(file).flatMap((rule) =>
          rule.declarations
            .filter((d) => d.prop === 'color' && !['inherit', 'currentcolor', 'transparent'].includes(d.value.toLowerCase()))
            .map((d) => soleVar(d.value) ?? `${rule.file} ${rule.selector}: ${d.value}`),
        ),
      ),
    );
    const withGoal = new Set(goals.map((goal) => goal.foreground));
    expect([...textTokens].filter((token) => !withGoal.has(token))).toEqual([]);
  });

  it('declares the pair wherever one rule sets both a text colour and its background', () => {
    const undeclared = appSheets.flatMap((file) =>
      rulesOf(file).flatMap((rule) => {
        const colour = rule.declarations.find((d) => d.prop === 'color');
        const background = rule.declarations.find((d) => d.prop === 'background' || d.prop === 'background-color' || d.prop === 'background-image');
        const fg = colour && soleVar(colour.value);
        const bg = background && soleVar(background.value);
        return fg && bg && !declaredPairs.has(`${fg} on ${bg}`) ? [`${rule.file} ${rule.selector}: ${fg} on ${bg}`] : [];
      }),
    );
    expect(undeclared).toEqual([]);
  });

  it('measures contrast as WCAG does (known ratios)', () => {
    expect(contrastRatio(parseColour('#000000'), parseColour('#ffffff'))).toBeCloseTo(21, 5);
    // The grey the audit found on streets and meta lines: 3.2:1 on white, under the 4.5 goal.
    expect(contrastRatio(parseColour('#86909c'), parseColour('#ffffff'))).toBeCloseTo(3.24, 2);
    expect(contrastRatio(parseColour('rgba(255, 255, 255, 0.72)'), parseColour('#b3261e'))).toBeLessThan(4.5);
  });
});

/** The design px of a type token (`calc(28px * var(--text-scale, 1))` → 28). */
const designPxOf = (value: string): number => Number(value.match(/^calc\((\d+)px \*/)?.[1] ?? NaN);

describe('colours in TypeScript (src/styles/tokens.ts)', () => {
  const TOKENS_TS = join(SRC, 'styles/tokens.ts');
  /** Page and app configs become WeChat's JSON: their colours stay literal, but must be token values. */
  const isPageConfig = (file: string) => /\.config\.ts$/.test(file);
  const appScripts = scripts(SRC).filter((file) => file !== TOKENS_TS);
  const kebab = (name: string) => `--color-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const normalised = (value: string) => value.replace(/\s+/g, '').toLowerCase();
  const colourTokens = [...tokens.entries()].filter(([name]) => name.startsWith('--color-'));
  /** Code without its comments and with its string contents kept (a colour in a comment is no colour). */
  const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const TS_COLOUR_LITERAL = /['"`](#[0-9a-f]{3,8}|(?:rgba?|hsla?)\([^'"`]*\))['"`]/gi;

  it('mirrors every colour token of tokens.css with its value, and nothing else', () => {
    expect(Object.keys(COLOR).length).toBe(colourTokens.length);
    const mirrored = Object.entries(COLOR).map(([name, value]) => [kebab(name), normalised(value)]);
    expect(Object.fromEntries(mirrored)).toEqual(Object.fromEntries(colourTokens.map(([name, value]) => [name, normalised(value)])));
  });

  it('holds the only colour literals of the TS/TSX sources (component props, canvas fills and strokes, charts)', () => {
    expect(appScripts.length).toBeGreaterThan(100);
    const offenders = appScripts
      .filter((file) => !isPageConfig(file))
      .flatMap((file) => [...code(file).matchAll(TS_COLOUR_LITERAL)].map((m) => `${relative(ROOT, file)}: ${m[1]}`));
    expect(offenders).toEqual([]);
  });

  it('lets page configs write only token values (WeChat reads their JSON, not CSS)', () => {
    const values = new Set(colourTokens.map(([, value]) => normalised(value)));
    const configs = appScripts.filter(isPageConfig);
    expect(configs.length).toBeGreaterThan(10);
    const strays = configs.flatMap((file) => [...code(file).matchAll(TS_COLOUR_LITERAL)].filter((m) => !values.has(normalised(m[1]))).map((m) => `${relative(ROOT, file)}: ${m[1]}`));
    expect(strays).toEqual([]);
  });

  it('finds a literal where one is written (the check itself works)', () => {
    expect([...`const x = { fill: '#b3261e', shade: "rgba(0, 0, 0, 0.5)" }; // '#ffffff'`.replace(/(^|[^:'"`])\/\/.*$/gm, '$1').matchAll(TS_COLOUR_LITERAL)].map((m) => m[1])).toEqual(['#b3261e', 'rgba(0, 0, 0, 0.5)']);
  });
});

describe('type scale', () => {
  it('sets no text under 12 CSS px (24 design px): font sizes are tokens or larger literals', () => {
    const small = appSheets.flatMap((file) =>
      rulesOf(file).flatMap((rule) =>
        rule.declarations
          .filter((d) => d.prop === 'font-size' && !/^var\(--font-size-(xs|s|m|l|xl|xxl)\)$/.test(d.value) && !(/^\d+px$/.test(d.value) && parseInt(d.value, 10) >= 24) && !(/^calc\(\d+px \* var\(--text-scale, 1\)\)$/.test(d.value) && parseInt(d.value.slice(5), 10) >= 24) && d.value !== 'inherit')
          .map((d) => `${rule.file} ${rule.selector}: ${d.value}`),
      ),
    );
    expect(small).toEqual([]);
    expect(designPxOf(tokens.get('--font-size-xs') ?? '')).toBeGreaterThanOrEqual(24);
  });

  it('grows with WeChat’s font size everywhere: a literal display size is written × var(--text-scale, 1) too', () => {
    const fixed = appSheets.flatMap((file) =>
      rulesOf(file).flatMap((rule) => rule.declarations.filter((d) => d.prop === 'font-size' && /^\d+px$/.test(d.value)).map((d) => `${rule.file} ${rule.selector}: ${d.value}`)),
    );
    expect(fixed).toEqual([]);
  });

  it('grows with WeChat’s font size: every type token is its design size × var(--text-scale, 1), in ascending order', () => {
    const names = ['xs', 's', 'm', 'l', 'xl', 'xxl'].map((n) => `--font-size-${n}`);
    const shapes = names.map((name) => [name, tokens.get(name)]).filter(([, value]) => !/^calc\(\d+px \* var\(--text-scale, 1\)\)$/.test(value ?? ''));
    expect(shapes).toEqual([]);
    const sizes = names.map((name) => designPxOf(tokens.get(name) ?? ''));
    expect(sizes).toEqual([24, 26, 28, 32, 36, 44]);
    // Defined per page (the mini-program's page root) or not at all (H5): never fixed in the tokens.
    expect(tokens.has('--text-scale')).toBe(false);
  });
});
