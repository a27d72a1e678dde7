import * as v from 'valibot';
import type { ActionEnvelope, Contract, RequestOf, ResponseOf } from '../../domain/api/contract';
import { isErrorCode } from '../../domain/common/error-code-list';
import { ApiError, isApiError } from './api-error';
import { platformTransport, type ApiTransport } from './api-transport';

export { ApiError, isApiError, toApiError } from './api-error';
export type { ApiTransport } from './api-transport';

/** Every action answers `{ok: true, data}` or `{ok: false, error: {code, message, fields?}}`. */
const ResultEnvelopeSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), data: v.unknown() }),
  v.object({
    ok: v.literal(false),
    error: v.object({ code: v.string(), message: v.optional(v.string()), fields: v.optional(v.array(v.string())) }),
  }),
]);

const issueFields = (issues: readonly v.BaseIssue<unknown>[]): string[] => {
  const fields = new Set<string>();
  for (const issue of issues) {
    const path = v.getDotPath(issue);
    if (path) fields.add(path);
  }
  return [...fields];
};

export interface ApiClient {
  call<C extends Contract>(contract: C, input: RequestOf<C>): Promise<ResponseOf<C>>;
}

/** The typed client over a given transport. The app uses `call` below; tests build their own. */
export const createApiClient = (transport: ApiTransport): ApiClient => ({
  async call<C extends Contract>(contract: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
    // Validate for the user's sake first: an invalid request never leaves the device.
    const request = v.safeParse(contract.request, input);
    if (!request.success) {
      throw new ApiError('VALIDATION.INVALID_INPUT', undefined, issueFields(request.issues));
    }

    const envelope: ActionEnvelope = { action: contract.name, input };
    let raw: unknown;
    try {
      raw = await transport.send(contract.fn, envelope);
    } catch (e) {
      if (isApiError(e)) throw e;
      throw new ApiError('NETWORK.FAILED');
    }

    const result = v.safeParse(ResultEnvelopeSchema, raw);
    if (!result.success) throw new ApiError('INTERNAL.UNEXPECTED');

    if (!result.output.ok) {
      const { code, message, fields } = result.output.error;
      // An unknown code would break every `switch (error.code)`: keep the contract's vocabulary.
      if (!isErrorCode(code)) throw new ApiError('INTERNAL.UNEXPECTED');
      throw new ApiError(code, message, fields);
    }

    const data = v.safeParse(contract.response, result.output.data);
    if (!data.success) throw new ApiError('INTERNAL.UNEXPECTED');
    return data.output as ResponseOf<C>;
  },
});

let activeClient = createApiClient(platformTransport);

/** Replaces the transport behind `call` (tests, storybook-like harnesses). Returns a function that restores it. */
export const setApiTransport = (transport: ApiTransport): (() => void) => {
  const previous = activeClient;
  activeClient = createApiClient(transport);
  return () => {
    activeClient = previous;
  };
};

/** Calls one backend action: validates the input, sends it, validates the answer, throws `ApiError` otherwise. */
export const call = <C extends Contract>(contract: C, input: RequestOf<C>): Promise<ResponseOf<C>> =>
  activeClient.call(contract, input);
