import { sep } from 'node:path';

/**
 * Mini-program only: domain's load-time calls marked `/*#__PURE__*\/` so the minifier may drop what nobody uses.
 *
 * Why: a domain module defines its valibot schemas at load time (`export const LeadSchema = v.object({…})`). When
 * a main-package page imports one rule from such a module, webpack marks the module's other exports unused, but
 * terser keeps each unused `const X = v.object(…)` all the same: a call might have side effects. Domain has no
 * load-time side effects (no Taro, wx, React or Node there; a schema or a lookup table only describes data), so
 * every call and `new` in the initialiser of a top-level declaration of a `domain/**` file is annotated pure — a
 * schema nobody reads is then dropped with its fields (#12). Calls inside functions are left alone: they run
 * when called, not at load time, and are kept or dropped with their function.
 */

const DOMAIN_SEGMENT = `${sep}domain${sep}`;

/** Whether a file belongs to the shared domain (the only code this plugin touches). */
export const isDomainFile = (filename: string | undefined | null): boolean =>
  typeof filename === 'string' && filename.includes(DOMAIN_SEGMENT) && !filename.includes(`${sep}node_modules${sep}`);

/* Babel's types are not a dependency of this project: the few node shapes the plugin touches. */
interface Comment {
  type: string;
  value: string;
}
interface Node {
  type: string;
  leadingComments?: Comment[] | null;
}
interface NodePath {
  node: Node;
  parentPath: NodePath | null;
  isFunction(): boolean;
  isClassBody(): boolean;
  isProgram(): boolean;
  isVariableDeclarator(): boolean;
  addComment(type: 'leading', content: string, line?: boolean): void;
}
interface PluginPass {
  filename?: string | null;
  file?: { opts?: { filename?: string | null } };
}

const PURE = '#__PURE__';

const isAnnotated = (node: Node): boolean => (node.leadingComments ?? []).some((c) => /[#@]__PURE__/.test(c.value));

/**
 * Whether a call runs while its module loads, as part of a top-level declaration's value: inside a
 * `const`/`let` initialiser at the module's top level (exported or not), and not inside any function or class.
 */
const inTopLevelInitialiser = (path: NodePath): boolean => {
  let declarator = false;
  for (let p = path.parentPath; p; p = p.parentPath) {
    if (p.isFunction() || p.isClassBody()) return false;
    if (p.isVariableDeclarator()) declarator = true;
    if (p.isProgram()) return declarator;
  }
  return false;
};

const annotate = (path: NodePath, state: PluginPass): void => {
  if (!isDomainFile(state.filename ?? state.file?.opts?.filename)) return;
  if (isAnnotated(path.node) || !inTopLevelInitialiser(path)) return;
  path.addComment('leading', PURE, false);
};

/** The Babel plugin (no options). */
export const domainPureCallsPlugin = () => ({
  name: 'investcard-domain-pure-calls',
  visitor: {
    CallExpression: annotate,
    NewExpression: annotate,
  },
});
