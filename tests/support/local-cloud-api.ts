import { PERSONA_HEADER } from '../../domain/api/contract';

export interface ApiResult<T = Record<string, unknown>> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; fields?: string[] };
}

/** One action over HTTP as a persona, exactly as the H5 transport sends it. */
export const postAction = async <T = Record<string, unknown>>(baseUrl: string, persona: string, action: string, input: unknown): Promise<ApiResult<T>> => {
  const res = await fetch(new URL(`/api/${action}`, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PERSONA_HEADER]: persona },
    body: JSON.stringify({ input }),
  });
  return (await res.json()) as ApiResult<T>;
};

/** Like postAction, for calls that must succeed: throws with the error code otherwise. */
export const callOk = async <T>(baseUrl: string, persona: string, action: string, input: unknown): Promise<T> => {
  const body = await postAction<T>(baseUrl, persona, action, input);
  if (!body.ok) throw new Error(`${action} as ${persona} failed: ${JSON.stringify(body.error)}`);
  return body.data as T;
};
