import { webChallengeContract } from '../../../domain/api/lead.contracts';
import { createApiClient } from '../../../src/services/api-client';
import { createCloudbaseTransport, type CloudbaseSdk } from '../../../src/services/api-transport-cloudbase';

/**
 * A fake CloudBase web SDK: remembers the browser's anonymous sign-in (as `persistence: 'local'` does) and hands
 * each callFunction to `answer`, recording who called which function with what.
 */
const fakeSdk = (options: { signInError?: string; failSignInTimes?: number; answer?: (name: string, data: unknown) => unknown } = {}) => {
  const state = { signedIn: false, signIns: 0, loads: 0, inits: [] as unknown[], calls: [] as Array<{ name: string; data: unknown; signedIn: boolean }> };
  let failures = options.failSignInTimes ?? 0;
  const sdk: CloudbaseSdk = {
    init: (config) => {
      state.inits.push(config);
      return {
        auth: () => ({
          getLoginState: async () => (state.signedIn ? { user: { uid: 'anon-uid-1' } } : null),
          signInAnonymously: async () => {
            state.signIns += 1;
            if (failures > 0) {
              failures -= 1;
              throw new TypeError('Failed to fetch');
            }
            if (options.signInError) return { error: { message: options.signInError } };
            state.signedIn = true;
            return { error: null };
          },
        }),
        callFunction: async ({ name, data }) => {
          state.calls.push({ name, data, signedIn: state.signedIn });
          return { result: options.answer ? options.answer(name, data) : { ok: true, data: { echo: name } } };
        },
      };
    },
  };
  const load = async () => {
    state.loads += 1;
    return sdk;
  };
  return { state, load };
};

describe('CloudBase web transport (production web path)', () => {
  it('loads the SDK on the first call only, signs in anonymously once, and calls the action’s grouped function with the envelope', async () => {
    const { state, load } = fakeSdk();
    const transport = createCloudbaseTransport(load, { env: 'investcard-prod-1a2b', region: 'ap-shanghai' });
    expect(state.loads).toBe(0);
    const envelope = { action: 'lead.challenge', input: {} };
    const [a, b] = await Promise.all([transport.send('lead-intake', envelope), transport.send('public-read', { action: 'card.get', input: { cardId: 'c1' } })]);
    expect(a).toEqual({ ok: true, data: { echo: 'lead-intake' } });
    expect(b).toEqual({ ok: true, data: { echo: 'public-read' } });
    expect(state.loads).toBe(1);
    expect(state.inits).toEqual([{ env: 'investcard-prod-1a2b', region: 'ap-shanghai' }]);
    expect(state.signIns).toBe(1);
    expect(state.calls).toEqual([
      { name: 'lead-intake', data: envelope, signedIn: true },
      { name: 'public-read', data: { action: 'card.get', input: { cardId: 'c1' } }, signedIn: true },
    ]);
  });

  it('a browser that signed in before keeps its identity: no second anonymous sign-in', async () => {
    const { state, load } = fakeSdk();
    state.signedIn = true;
    await createCloudbaseTransport(load, { env: 'e' }).send('public-read', { action: 'session.whoami', input: {} });
    expect(state.signIns).toBe(0);
  });

  it('anonymous login switched off: a typed error in Chinese, and no function is called', async () => {
    const { state, load } = fakeSdk({ signInError: 'anonymous login is not enabled' });
    const transport = createCloudbaseTransport(load, { env: 'e' });
    await expect(transport.send('lead-intake', { action: 'lead.challenge', input: {} })).rejects.toMatchObject({ code: 'AUTH.SIGN_IN_REQUIRED', message: '网页暂时无法连接，请稍后重试或在微信中打开' });
    expect(state.calls).toEqual([]);
  });

  it('a sign-in that met no network is tried again on the next call', async () => {
    const issued = { challenge: 'x', bits: 16, expiresAt: '2026-12-02T00:00:00.000Z' };
    const { state, load } = fakeSdk({ failSignInTimes: 1, answer: () => ({ ok: true, data: issued }) });
    const client = createApiClient(createCloudbaseTransport(load, { env: 'e' }));
    await expect(client.call(webChallengeContract, {})).rejects.toMatchObject({ code: 'NETWORK.FAILED' });
    expect(state.calls).toEqual([]);
    await expect(client.call(webChallengeContract, {})).resolves.toEqual(issued);
    expect(state.signIns).toBe(2);
    expect(state.calls).toHaveLength(1);
  });

  it('the function’s typed refusal reaches the app as it is', async () => {
    const { load } = fakeSdk({ answer: () => ({ ok: false, error: { code: 'LEAD.CHALLENGE_USED', message: '该安全验证已使用过，请重新提交' } }) });
    const client = createApiClient(createCloudbaseTransport(load, { env: 'e' }));
    await expect(client.call(webChallengeContract, {})).rejects.toMatchObject({ code: 'LEAD.CHALLENGE_USED' });
  });
});

describe('which web transport the build uses', () => {
  type H5 = typeof import('../../../src/services/api-transport.h5');
  const loadH5 = async (): Promise<H5> => {
    let mod: H5 | undefined;
    await jest.isolateModulesAsync(async () => {
      mod = await import('../../../src/services/api-transport.h5');
    });
    return mod as H5;
  };
  afterEach(() => {
    delete process.env.TARO_APP_CLOUDBASE_ENV;
  });

  it('the local demo and the e2e talk HTTP to the local cloud; a production build with a CloudBase env goes through the SDK', async () => {
    const local = await loadH5();
    expect(local.platformTransport).toBe(local.httpTransport);
    process.env.TARO_APP_CLOUDBASE_ENV = 'investcard-prod-1a2b';
    const production = await loadH5();
    expect(production.platformTransport).not.toBe(production.httpTransport);
  });
});
