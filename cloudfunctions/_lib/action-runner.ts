import * as v from 'valibot';
import { fail, isDomainError, ok, type ActionResult } from '../../domain/common/result';
import { resolveActor } from './actor';
import type { ActionContext, ActionTable } from './define-action';
import type { Deps } from './deps';
import type { RequestContext } from './request-context';
import { isStoreError } from './store/store-port';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const issuePaths = (issues: readonly v.BaseIssue<unknown>[]): string[] => {
  const paths = new Set<string>();
  for (const issue of issues) {
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    paths.add(path || '(root)');
  }
  return [...paths].slice(0, 10);
};

/**
 * The one path every call takes, in WeChat and in the local cloud:
 * envelope → contract lookup → request validation → identity → access → use case → response validation.
 * Never throws; every outcome is an ActionResult with a stable code and a Chinese message.
 */
export const runAction = async (table: ActionTable, deps: Deps, ctx: RequestContext, envelope: unknown): Promise<ActionResult<unknown>> => {
  const startedAt = Date.now();
  const actionName = isPlainObject(envelope) && typeof envelope.action === 'string' ? envelope.action : null;
  const definition = actionName ? table.find((a) => a.contract.name === actionName) : undefined;
  if (!definition || !isPlainObject(envelope)) return fail('ACTION.UNKNOWN');
  const { contract } = definition;

  // valibot's object schemas accept arrays (typeof 'object'): only a plain object (or nothing) is a request.
  const input = envelope.input ?? {};
  if (!isPlainObject(input)) return fail('VALIDATION.INVALID_INPUT', ['(root)']);
  const parsed = v.safeParse(contract.request, input);
  if (!parsed.success) return fail('VALIDATION.INVALID_INPUT', issuePaths(parsed.issues));

  try {
    if (contract.access === 'visitor' ? !ctx.openid && !ctx.visitor : contract.access !== 'public' && !ctx.openid) return fail('AUTH.SIGN_IN_REQUIRED');
    // The caller's staff record costs a serial round trip: only staff actions and those that ask for it pay it.
    const actor = contract.access === 'staff' || definition.needsActor ? await resolveActor(deps, ctx) : null;
    if (contract.access === 'staff') {
      if (actor?.kind === 'revoked_staff') return fail('AUTH.STAFF_REVOKED');
      if (actor?.kind !== 'staff') return fail('AUTH.FORBIDDEN');
    }
    const actionCtx = { ...ctx, now: deps.clock() } as ActionContext;
    Object.defineProperty(actionCtx, 'actor', {
      enumerable: true,
      get: () => {
        if (!actor) throw new Error(`${contract.name} reads ctx.actor without declaring needsActor in defineAction`);
        return actor;
      },
    });
    const data = await definition.run(deps, actionCtx, parsed.output);
    const checked = v.safeParse(contract.response, data);
    if (!checked.success) {
      deps.log.error('action.invalid_response', { action: contract.name, requestId: ctx.requestId, fields: issuePaths(checked.issues).join(',') });
      return fail('INTERNAL.UNEXPECTED');
    }
    deps.log.info('action.ok', { action: contract.name, requestId: ctx.requestId, ms: Date.now() - startedAt });
    return ok(checked.output);
  } catch (error) {
    if (isDomainError(error)) return fail(error.code, error.fields);
    if (isStoreError(error, 'STORE.BUSY')) return fail('STORE.BUSY');
    if (isStoreError(error, 'STORE.UNAVAILABLE')) return fail('STORE.UNAVAILABLE');
    deps.log.error('action.crashed', {
      action: contract.name,
      requestId: ctx.requestId,
      error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'non-error thrown',
    });
    return fail('INTERNAL.UNEXPECTED');
  }
};
