import type * as v from 'valibot';

/**
 * Deployed cloud functions. Actions are grouped by audience so each container stays warm
 * (see README: "Why grouped functions"). Folder name under cloudfunctions/ = deployed name.
 */
export const FUNCTION_NAMES = ['public-read', 'lead-intake', 'workspace', 'sharing', 'sla-timer', 'admin', 'reports'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * Who may call an action at all. Finer checks (same district, same unit, own lead) live in the use case,
 * because they need data. `public` actions must work with no OPENID (Moments single-page mode, the web).
 */
export type Access = 'public' | 'signed_in' | 'staff' | 'visitor';
/* `visitor`: a WeChat user or an anonymous web visitor (ctx.visitor); never staff rights. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema, inferred per contract
type AnySchema = v.GenericSchema<any, any>;

export interface Contract<Req extends AnySchema = AnySchema, Res extends AnySchema = AnySchema> {
  name: string;
  fn: FunctionName;
  access: Access;
  /**
   * Writes data: tests check that a refused call writes nothing. Only `public` writes (counting a view) accept
   * anonymous callers; every other write needs an identity.
   */
  writes: boolean;
  request: Req;
  response: Res;
}

export const defineContract = <Req extends AnySchema, Res extends AnySchema>(c: Contract<Req, Res>): Contract<Req, Res> => c;

export type RequestOf<C> = C extends Contract<infer Req, AnySchema> ? v.InferInput<Req> : never;
export type ParsedRequestOf<C> = C extends Contract<infer Req, AnySchema> ? v.InferOutput<Req> : never;
export type ResponseOf<C> = C extends Contract<AnySchema, infer Res> ? v.InferOutput<Res> : never;

/** The wire shape of a cloud function call and of the local cloud's HTTP body. */
export interface ActionEnvelope {
  action: string;
  input: unknown;
}

/** The local cloud serves every action at this path (H5 build); WeChat routes by function name instead. */
export const httpPathFor = (actionName: string): string => `/api/${actionName}`;

/** Header carrying the dev persona to the local cloud. Never read by cloud functions. */
export const PERSONA_HEADER = 'x-investcard-persona';
