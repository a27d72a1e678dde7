import { webChallengeContract } from '../../../domain/api/lead.contracts';
import { createApiClient } from '../../../src/services/api-client';
import { createCloudbaseTransport, type CloudbaseSdk } from '../../../src/services/api-transport-cloudbase';
import { cloudFileLink, forgetCloudFileLinks } from '../../../src/platform/cloud-file-links';
import { imageUrlOn } from '../../../src/platform/image-url';
import { LINK_MARGIN_MS, LINK_SECONDS, linkCloudFiles, type GetTempFileUrl } from '../../../src/services/cloud-file-linker';

/**
 * A fake CloudBase web SDK: remembers the browser's anonymous sign-in (as `persistence: 'local'` does) and hands
 * each callFunction to `answer`, recording who called which function with what.
 */
type TempUrlAnswer = Awaited<ReturnType<GetTempFileUrl>>;
const fakeSdk = (options: { signInError?: string; failSignInTimes?: number; answer?: (name: string, data: unknown) => unknown; tempUrls?: (fileList: Array<{ fileID: string; maxAge: number }>) => Promise<TempUrlAnswer> } = {}) => {
  const state = { signedIn: false, signIns: 0, loads: 0, inits: [] as unknown[], calls: [] as Array<{ name: string; data: unknown; signedIn: boolean }>, linkRequests: [] as Array<Array<{ fileID: string; maxAge: number }>> };
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
        getTempFileURL: async ({ fileList }) => {
          state.linkRequests.push(fileList);
          if (options.tempUrls) return options.tempUrls(fileList);
          return { fileList: fileList.map(({ fileID }) => ({ code: 'SUCCESS', fileID, tempFileURL: `https://env-1.tcb.qcloud.la/${fileID.slice('cloud://env-1.abc/'.length)}?sign=s1&t=1` })) };
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

describe('cloud:// photos on the web build with CloudBase', () => {
  beforeEach(() => forgetCloudFileLinks());
  const photoA = 'cloud://env-1.abc/carrier-photos/car_1/pho_a.jpg';
  const photoB = 'cloud://env-1.abc/carrier-photos/car_1/pho_b.png';
  const person = 'cloud://env-1.abc/card-images/stf_1/head.jpg';
  const carrierAnswer = { ok: true, data: { id: 'car_1', photo: photoA, photos: [photoA, photoB], owner: { photo: person }, note: 'cloud:// is not a file id when it has spaces' } };

  it('an answer’s file ids get https links in one batch before the page sees it; the answer keeps the ids', async () => {
    const { state, load } = fakeSdk({ answer: () => carrierAnswer });
    const answer = await createCloudbaseTransport(load, { env: 'env-1' }).send('public-read', { action: 'carrier.get', input: { carrierId: 'car_1' } });
    expect(answer).toEqual(carrierAnswer);
    expect(state.linkRequests).toEqual([[photoA, photoB, person].map((fileID) => ({ fileID, maxAge: LINK_SECONDS }))]);
    expect(imageUrlOn('web', photoA)).toBe('https://env-1.tcb.qcloud.la/carrier-photos/car_1/pho_a.jpg?sign=s1&t=1');
    expect(imageUrlOn('web', person)).toBe('https://env-1.tcb.qcloud.la/card-images/stf_1/head.jpg?sign=s1&t=1');
    // The mini-program's <Image> loads the id itself, whatever the web noted.
    expect(imageUrlOn('mini-program', photoA)).toBe(photoA);
  });

  it('links are reused until shortly before they expire, then asked for again', async () => {
    let now = Date.parse('2026-12-02T08:00:00Z');
    const { state, load } = fakeSdk();
    const app = (await load()).init({ env: 'env-1' });
    const ask: GetTempFileUrl = (p) => app.getTempFileURL(p);
    await linkCloudFiles(ask, { photos: [photoA] }, () => now);
    await linkCloudFiles(ask, { photos: [photoA, photoB] }, () => now);
    expect(state.linkRequests.map((r) => r.map((x) => x.fileID))).toEqual([[photoA], [photoB]]);
    now += LINK_SECONDS * 1000 - LINK_MARGIN_MS - 1;
    await linkCloudFiles(ask, { photos: [photoA] }, () => now);
    expect(state.linkRequests).toHaveLength(2);
    expect(cloudFileLink(photoA, now)).toMatch(/^https:\/\//);
    now += 1;
    expect(cloudFileLink(photoA, now)).toBeNull();
    await linkCloudFiles(ask, { photos: [photoA] }, () => now);
    expect(state.linkRequests.map((r) => r.map((x) => x.fileID))).toEqual([[photoA], [photoB], [photoA]]);
  });

  it('more than 50 ids go in batches of 50 (the API’s limit)', async () => {
    const { state, load } = fakeSdk();
    const app = (await load()).init({ env: 'env-1' });
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env-1.abc/carrier-photos/car_${i}/p.jpg`);
    await linkCloudFiles((p) => app.getTempFileURL(p), { items: ids.map((photo) => ({ photo })) });
    expect(state.linkRequests.map((r) => r.length)).toEqual([50, 50, 20]);
    expect(ids.every((id) => imageUrlOn('web', id)?.startsWith('https://'))).toBe(true);
  });

  it('a link that fails (missing file, storage rules, no network) leaves the answer as it is and the image to its fallback', async () => {
    const refusing = fakeSdk({
      answer: () => carrierAnswer,
      tempUrls: async (fileList) => ({ fileList: fileList.map(({ fileID }) => (fileID === photoA ? { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' } : { code: 'SUCCESS', fileID, tempFileURL: 'javascript:alert(1)' })) }),
    });
    await expect(createCloudbaseTransport(refusing.load, { env: 'env-1' }).send('public-read', { action: 'carrier.get', input: {} })).resolves.toEqual(carrierAnswer);
    expect(imageUrlOn('web', photoA)).toBeNull();
    expect(imageUrlOn('web', photoB)).toBeNull();
    const offline = fakeSdk({ answer: () => carrierAnswer, tempUrls: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(createCloudbaseTransport(offline.load, { env: 'env-1' }).send('public-read', { action: 'carrier.get', input: {} })).resolves.toEqual(carrierAnswer);
    expect(imageUrlOn('web', photoA)).toBeNull();
  });

  it('an answer without file ids asks for no links', async () => {
    const { state, load } = fakeSdk({ answer: () => ({ ok: true, data: { photos: ['/assets/carriers/a.svg', 'https://cdn.example.com/b.jpg'] } }) });
    await createCloudbaseTransport(load, { env: 'env-1' }).send('public-read', { action: 'carrier.get', input: {} });
    expect(state.linkRequests).toEqual([]);
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
