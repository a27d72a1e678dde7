/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["require", "default"]}
 */
// The export conditions pick the SDK's browser bundle (`require`) and bson's CommonJS build (not its `browser` ESM).
import { webChallengeContract } from '../../../domain/api/lead.contracts';
import { createApiClient } from '../../../src/services/api-client';
import { createCloudbaseTransport, loadCloudbaseSdk } from '../../../src/services/api-transport-cloudbase';

/**
 * The web transport over the real `@cloudbase/js-sdk` (the version installed), with only the network replaced: a
 * fake CloudBase gateway answers its `fetch` calls as the service does. So the SDK's own call shapes are what is
 * tested — where anonymous sign-in goes, that its token rides on the function call, how a function is addressed
 * and its envelope carried — and a change in them fails here, not in production.
 */

const ENV = 'investcard-prod-1a2b';
const GATEWAY = `https://${ENV}.api.tcloudbasegateway.com`;

interface Seen {
  method: string;
  path: string;
  query: string;
  authorization: string | null;
  body: unknown;
}

/** A Response as much as the SDK reads of one (jsdom has no fetch of its own). */
const answer = (status: number, body: unknown) => {
  const text = JSON.stringify(body);
  const headers = new Map([['content-type', 'application/json; charset=utf-8']]);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null, has: (name: string) => headers.has(name.toLowerCase()), forEach: (f: (v: string, k: string) => void) => headers.forEach(f) },
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
    clone() {
      return answer(status, body);
    },
  };
};

/** The CloudBase HTTP gateway of one environment: anonymous sign-in issues a token, functions need it. */
const fakeGateway = (functions: Record<string, (data: unknown, uid: string) => unknown>, options: { anonymousOff?: boolean } = {}) => {
  const seen: Seen[] = [];
  let issued = 0;
  const tokens = new Map<string, string>();
  const fetch = async (input: string | { url: string }, init: { method?: string; headers?: Record<string, string> | Headers; body?: string } = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const raw = init.headers ?? {};
    const header = (name: string): string | null => {
      if (typeof (raw as Headers).get === 'function') return (raw as Headers).get(name);
      const hit = Object.entries(raw as Record<string, string>).find(([k]) => k.toLowerCase() === name.toLowerCase());
      return hit ? hit[1] : null;
    };
    const body = init.body ? (JSON.parse(init.body) as unknown) : null;
    seen.push({ method: init.method ?? 'GET', path: url.pathname, query: url.search, authorization: header('authorization'), body });
    if (url.origin !== GATEWAY) return answer(404, { code: 'NOT_FOUND' });
    if (url.pathname === '/auth/v1/signin/anonymously') {
      if (options.anonymousOff) return answer(403, { error: 'permission_denied', error_code: 403, error_description: 'anonymous login is not enabled' });
      issued += 1;
      const token = `anon-access-${issued}`;
      tokens.set(token, `anon-uid-${issued}`);
      return answer(200, { token_type: 'Bearer', access_token: token, refresh_token: `anon-refresh-${issued}`, expires_in: 7200, scope: 'anonymous', sub: `anon-uid-${issued}` });
    }
    if (url.pathname === '/auth/v1/user/me') {
      const uid = tokens.get((header('authorization') ?? '').replace(/^Bearer /, ''));
      return uid ? answer(200, { sub: uid, name: '', status: 'ACTIVE', groups: [{ id: 'anonymous' }] }) : answer(401, { error: 'unauthenticated' });
    }
    const fn = /^\/v1\/functions\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (fn && functions[fn]) {
      const uid = tokens.get((header('authorization') ?? '').replace(/^Bearer /, ''));
      if (!uid) return answer(401, { code: 'INVALID_ACCESS_TOKEN', message: 'access token required' });
      return answer(200, functions[fn](body, uid));
    }
    return answer(404, { code: 'FUNCTION_NOT_FOUND', message: `no ${url.pathname}` });
  };
  return { seen, fetch, issued: () => issued };
};

const ISSUED = { challenge: 'x', bits: 16, expiresAt: '2026-12-02T00:00:00.000Z' };
const realFetch = (globalThis as { fetch?: unknown }).fetch;
afterEach(() => {
  (globalThis as { fetch?: unknown }).fetch = realFetch;
  window.localStorage.clear();
  jest.resetModules();
});

describe('the CloudBase web transport over the real @cloudbase/js-sdk', () => {
  it('signs in anonymously at the environment’s gateway, then calls the grouped function with the envelope and that token', async () => {
    const calls: Array<{ data: unknown; uid: string }> = [];
    const gateway = fakeGateway({ 'lead-intake': (data, uid) => (calls.push({ data, uid }), { ok: true, data: ISSUED }) });
    (globalThis as { fetch?: unknown }).fetch = gateway.fetch;
    const client = createApiClient(createCloudbaseTransport(loadCloudbaseSdk, { env: ENV, region: 'ap-shanghai' }));

    expect(await client.call(webChallengeContract, {})).toEqual(ISSUED);
    const signIns = gateway.seen.filter((r) => r.path === '/auth/v1/signin/anonymously');
    expect(signIns.length).toBeGreaterThanOrEqual(1);
    expect(signIns[0]).toMatchObject({ method: 'POST', query: `?client_id=${ENV}` });
    const invoked = gateway.seen.filter((r) => r.path === '/v1/functions/lead-intake');
    expect(invoked).toEqual([expect.objectContaining({ method: 'POST', authorization: 'Bearer anon-access-1' })]);
    // The function receives the envelope the mini-program sends, as the anonymous visitor the gateway knows.
    expect(calls).toEqual([{ data: expect.objectContaining({ action: 'lead.challenge', input: {} }), uid: 'anon-uid-1' }]);

    // A second call reuses the session: no second sign-in.
    await client.call(webChallengeContract, {});
    expect(gateway.issued()).toBe(1);
    expect(calls.map((c) => c.uid)).toEqual(['anon-uid-1', 'anon-uid-1']);
  });

  it('a browser that comes back (a new page load, same storage) is the same anonymous visitor: no second sign-in', async () => {
    const calls: string[] = [];
    const gateway = fakeGateway({ 'lead-intake': (_data, uid) => (calls.push(uid), { ok: true, data: ISSUED }) });
    (globalThis as { fetch?: unknown }).fetch = gateway.fetch;
    await createApiClient(createCloudbaseTransport(loadCloudbaseSdk, { env: ENV })).call(webChallengeContract, {});
    // The page is loaded anew: a fresh SDK instance over the same localStorage (`persistence: 'local'`).
    jest.resetModules();
    const reloaded = (require('../../../src/services/api-transport-cloudbase') as typeof import('../../../src/services/api-transport-cloudbase'));
    const { createApiClient: freshClient } = require('../../../src/services/api-client') as typeof import('../../../src/services/api-client');
    await freshClient(reloaded.createCloudbaseTransport(reloaded.loadCloudbaseSdk, { env: ENV })).call(webChallengeContract, {});
    expect(gateway.issued()).toBe(1);
    expect(calls).toEqual(['anon-uid-1', 'anon-uid-1']);
  });

  it('anonymous login switched off in the console: the typed Chinese error, and no function is called', async () => {
    // The SDK explains the console setting on the console; the page shows its own message.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const gateway = fakeGateway({ 'lead-intake': () => ({ ok: true, data: ISSUED }) }, { anonymousOff: true });
    (globalThis as { fetch?: unknown }).fetch = gateway.fetch;
    const client = createApiClient(createCloudbaseTransport(loadCloudbaseSdk, { env: ENV }));
    await expect(client.call(webChallengeContract, {})).rejects.toMatchObject({ code: 'AUTH.SIGN_IN_REQUIRED', message: '网页暂时无法连接，请稍后重试或在微信中打开' });
    expect(gateway.seen.filter((r) => r.path.startsWith('/v1/functions/'))).toEqual([]);
    expect(gateway.seen.some((r) => r.path === '/auth/v1/signin/anonymously')).toBe(true);
    quiet.mockRestore();
  });
});
