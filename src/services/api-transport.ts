import type { ActionEnvelope, FunctionName } from '../../domain/api/contract';

/**
 * How one action travels to the backend. Taro resolves `api-transport.weapp.ts` (WeChat cloud functions) or
 * `api-transport.h5.ts` (HTTP to the local cloud) in place of this file; only tests load this one, and they
 * inject their own transport into the client.
 *
 * A transport resolves with the raw result of the action (the client validates it) and rejects with a plain
 * error when the call did not get through, or with an `ApiError` when it knows better.
 */
export interface ApiTransport {
  send(fn: FunctionName, envelope: ActionEnvelope): Promise<unknown>;
}

export const platformTransport: ApiTransport = {
  send: () => Promise.reject(new Error('No API transport for this platform: inject one with setApiTransport()')),
};
