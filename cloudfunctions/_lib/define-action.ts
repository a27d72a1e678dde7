import type { Contract, ParsedRequestOf, ResponseOf } from '../../domain/api/contract';
import { DomainError } from '../../domain/common/result';
import type { Staff } from '../../domain/org/staff.schema';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { RequestContext } from './request-context';

export interface ActionContext extends RequestContext {
  actor: Actor;
  now: Date;
}

export type UseCase<C extends Contract> = (deps: Deps, ctx: ActionContext, input: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

export interface ActionDefinition<C extends Contract = Contract> {
  contract: C;
  run: UseCase<C>;
  /**
   * A public or signed-in action that reads `ctx.actor` says so: the runner looks the caller up (one database
   * round trip before anything else) only for those and for staff actions. Others reading it fail loudly.
   */
  needsActor?: boolean;
}

/** Pairs a contract with its use case; the pairing is what a cloud function exposes. */
export const defineAction = <C extends Contract>(contract: C, run: UseCase<C>, options: { needsActor?: boolean } = {}): ActionDefinition<C> => ({
  contract,
  run,
  ...(options.needsActor ? { needsActor: true } : {}),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds actions of different contracts
export type ActionTable = readonly ActionDefinition<any>[];

/** The acting staff member; the runner already refused non-staff for `staff` contracts, this narrows the type. */
export const requireStaff = (ctx: ActionContext): Staff => {
  if (ctx.actor.kind !== 'staff') throw new DomainError('AUTH.FORBIDDEN');
  return ctx.actor.staff;
};
