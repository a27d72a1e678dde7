import { PERSONA_HEADER } from '../../../domain/api/contract';
import { FIRST_SCREEN_GLOBAL } from '../../../src/first-screen/first-screen-handoff';

type DemoPersonaModule = typeof import('../../../src/services/demo-persona');
type TransportModule = typeof import('../../../src/services/api-transport');
type TaroMock = typeof import('../support/taro-mock');
type Init = { method?: string; body?: string; headers: Record<string, string> };

interface FakeResponse {
  ok: boolean;
  status: number;
  text: () => Promise<string>;
  json: () => Promise<unknown>;
}
const respond = (status: number, body: unknown): FakeResponse => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { ok: status >= 200 && status < 300, status, text: () => Promise.resolve(text), json: () => Promise.resolve(JSON.parse(text)) };
};

const PERSONAS = [
  { id: 'visitor', label: '访客', kind: 'anonymous' },
  { id: 'investor', label: '投资者 A', kind: 'investor' },
  { id: 'staff_li', label: '招商专员 李晓雯', kind: 'staff' },
];
/** What the local cloud answers at GET /api/_local/personas. */
const PERSONAS_BODY = { ok: true, data: { personas: PERSONAS, defaultPersona: 'investor' } };

/** A fetch answering the personas endpoint (or not) and every action with `actionAnswer`. */
const fakeFetch = (personas: FakeResponse | Error, actionAnswer: FakeResponse | Error = respond(200, { ok: true, data: {} })) =>
  jest.fn((url: string, _init?: Init) => {
    const answer = url.endsWith('/api/_local/personas') ? personas : actionAnswer;
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });

/**
 * Fresh module instances (persona detection and cloud init happen once per page load), with the Taro mock
 * instance they see: an isolated registry has its own.
 */
const loadWithTaro = async <T>(importModule: () => Promise<T>): Promise<{ mod: T; taro: TaroMock }> => {
  let loaded: { mod: T; taro: TaroMock } | undefined;
  await jest.isolateModulesAsync(async () => {
    loaded = { taro: await import('../support/taro-mock'), mod: await importModule() };
  });
  return loaded as { mod: T; taro: TaroMock };
};
const load = async <T>(importModule: () => Promise<T>): Promise<T> => (await loadWithTaro(importModule)).mod;

const demoPersona = (): Promise<DemoPersonaModule> => load(() => import('../../../src/services/demo-persona'));
const h5Transport = (): Promise<TransportModule> => load(() => import('../../../src/services/api-transport.h5'));
const weappTransport = () => loadWithTaro<TransportModule>(() => import('../../../src/services/api-transport.weapp'));

const setFetch = (impl: unknown) => {
  (globalThis as { fetch?: unknown }).fetch = impl;
};

afterEach(() => {
  process.env.TARO_ENV = 'weapp';
  process.env.TARO_APP_API_BASE = '';
  setFetch(undefined);
  window.localStorage.clear();
});

describe('local-demo personas (H5)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('detects local-demo mode when the local cloud lists personas', async () => {
    const fetch = fakeFetch(respond(200, PERSONAS_BODY));
    setFetch(fetch);
    const personas = await demoPersona();
    await expect(personas.detectLocalDemo()).resolves.toEqual({ personas: PERSONAS, defaultId: 'investor' });
    await personas.detectLocalDemo();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][0]).toBe('/api/_local/personas');
  });

  it.each([
    ['a 404 (production backend)', respond(404, 'Not Found')],
    ['an HTML page', respond(200, '<!doctype html>')],
    ['an empty list', respond(200, { ok: true, data: { personas: [] } })],
    ['a failed action', respond(200, { ok: false, error: { code: 'ACTION.UNKNOWN', message: '不支持的操作' } })],
    ['a network error', new TypeError('Failed to fetch')],
  ])('stays out of local-demo mode on %s', async (_case, answer) => {
    setFetch(fakeFetch(answer));
    const personas = await demoPersona();
    await expect(personas.detectLocalDemo()).resolves.toBeNull();
    await expect(personas.activeDemoPersonaId()).resolves.toBeNull();
  });

  it('never asks outside the web build', async () => {
    process.env.TARO_ENV = 'weapp';
    const fetch = fakeFetch(respond(200, PERSONAS_BODY));
    setFetch(fetch);
    const personas = await demoPersona();
    await expect(personas.detectLocalDemo()).resolves.toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('uses the stored persona while it is offered, else the local cloud’s default', async () => {
    setFetch(fakeFetch(respond(200, PERSONAS_BODY)));
    const personas = await demoPersona();
    await expect(personas.activeDemoPersonaId()).resolves.toBe('investor');
    personas.storePersonaId('staff_li');
    expect(window.localStorage.getItem('investcard.persona')).toBe('staff_li');
    await expect(personas.activeDemoPersonaId()).resolves.toBe('staff_li');
    personas.storePersonaId('gone');
    await expect(personas.activeDemoPersonaId()).resolves.toBe('investor');
  });
});

describe('H5 transport', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('POSTs {input} to {API_BASE}/api/<action> with the persona header in local-demo mode', async () => {
    process.env.TARO_APP_API_BASE = 'http://127.0.0.1:8787';
    window.localStorage.setItem('investcard.persona', 'staff_li');
    const fetch = fakeFetch(respond(200, PERSONAS_BODY), respond(200, { ok: true, data: { hello: 1 } }));
    setFetch(fetch);
    const { platformTransport } = await h5Transport();

    const result = await platformTransport.send('public-read', { action: 'card.get', input: { cardId: 'card_1' } });

    expect(result).toEqual({ ok: true, data: { hello: 1 } });
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('http://127.0.0.1:8787/api/card.get');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body ?? '')).toEqual({ input: { cardId: 'card_1' } });
    expect(init?.headers[PERSONA_HEADER]).toBe('staff_li');
  });

  it('sends no persona header against a backend without the personas endpoint', async () => {
    const fetch = fakeFetch(respond(404, 'Not Found'));
    setFetch(fetch);
    const { platformTransport } = await h5Transport();
    await platformTransport.send('public-read', { action: 'card.get', input: {} });
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/api/card.get');
    expect(init?.headers[PERSONA_HEADER]).toBeUndefined();
  });

  it('hands back a failed action’s JSON whatever the HTTP status, and types a non-JSON failure', async () => {
    setFetch(fakeFetch(respond(404, 'x'), respond(404, { ok: false, error: { code: 'CARD.NOT_FOUND', message: '未找到该名片，可能已下线' } })));
    const first = await h5Transport();
    await expect(first.platformTransport.send('public-read', { action: 'card.get', input: {} })).resolves.toMatchObject({ ok: false });

    setFetch(fakeFetch(respond(404, 'x'), respond(502, '<html>Bad Gateway</html>')));
    const second = await h5Transport();
    await expect(second.platformTransport.send('public-read', { action: 'card.get', input: {} })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'STORE.UNAVAILABLE',
    });
  });
});

describe('H5 transport with the first screen’s answer (index.html asked already)', () => {
  const handoff = (input: unknown, response: Promise<unknown>) => {
    (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL] = { action: 'card.get', input, response, dismiss: () => undefined };
  };

  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[FIRST_SCREEN_GLOBAL];
  });

  it('answers the same call from it once, without a request; the next call asks the backend', async () => {
    const fetch = fakeFetch(respond(404, 'x'), respond(200, { ok: true, data: 'fresh' }));
    setFetch(fetch);
    handoff({ cardId: 'card_1' }, Promise.resolve({ ok: true, data: 'first screen' }));
    const { platformTransport } = await h5Transport();
    await expect(platformTransport.send('public-read', { action: 'card.get', input: { cardId: 'card_1' } })).resolves.toEqual({ ok: true, data: 'first screen' });
    expect(fetch).not.toHaveBeenCalled();
    await expect(platformTransport.send('public-read', { action: 'card.get', input: { cardId: 'card_1' } })).resolves.toEqual({ ok: true, data: 'fresh' });
  });

  it('asks the backend for any other call', async () => {
    const fetch = fakeFetch(respond(404, 'x'), respond(200, { ok: true, data: 'fresh' }));
    setFetch(fetch);
    handoff({ cardId: 'card_1' }, Promise.resolve({ ok: true, data: 'first screen' }));
    const { platformTransport } = await h5Transport();
    await expect(platformTransport.send('public-read', { action: 'card.get', input: { cardId: 'card_2' } })).resolves.toEqual({ ok: true, data: 'fresh' });
    await expect(platformTransport.send('public-read', { action: 'carrier.search', input: { cardId: 'card_1' } })).resolves.toEqual({ ok: true, data: 'fresh' });
  });

  it('asks the backend itself when the first screen’s request failed', async () => {
    const fetch = fakeFetch(respond(404, 'x'), respond(200, { ok: true, data: 'fresh' }));
    setFetch(fetch);
    handoff({}, Promise.reject(new TypeError('Failed to fetch')));
    const { platformTransport } = await h5Transport();
    await expect(platformTransport.send('public-read', { action: 'card.get', input: {} })).resolves.toEqual({ ok: true, data: 'fresh' });
    expect(fetch.mock.calls.map(([url]) => url)).toContain('/api/card.get');
  });
});

describe('mini-program transport', () => {
  it('initialises the cloud once and calls the contract’s function with the envelope', async () => {
    const { mod, taro: cloudTaro } = await weappTransport();
    cloudTaro.cloud.callFunction.mockImplementation(() => Promise.resolve({ result: { ok: true, data: 1 }, errMsg: 'cloud.callFunction:ok' }));

    await expect(mod.platformTransport.send('public-read', { action: 'card.get', input: { cardId: 'c1' } })).resolves.toEqual({ ok: true, data: 1 });
    await mod.platformTransport.send('public-read', { action: 'card.get', input: {} });

    expect(cloudTaro.cloud.init).toHaveBeenCalledTimes(1);
    expect(cloudTaro.cloud.init).toHaveBeenCalledWith({ traceUser: true });
    expect(cloudTaro.cloud.callFunction).toHaveBeenCalledWith({ name: 'public-read', data: { action: 'card.get', input: { cardId: 'c1' } } });
  });

  it('uses TARO_APP_CLOUD_ENV when set', async () => {
    process.env.TARO_APP_CLOUD_ENV = 'prod-3f9a';
    try {
      const { mod, taro: cloudTaro } = await weappTransport();
      cloudTaro.cloud.callFunction.mockImplementation(() => Promise.resolve({ result: null, errMsg: 'ok' }));
      await mod.platformTransport.send('public-read', { action: 'card.get', input: {} });
      expect(cloudTaro.cloud.init).toHaveBeenCalledWith({ traceUser: true, env: 'prod-3f9a' });
    } finally {
      process.env.TARO_APP_CLOUD_ENV = '';
    }
  });

  it('tells a crashed function from a call that never arrived', async () => {
    const { mod, taro: cloudTaro } = await weappTransport();
    cloudTaro.cloud.callFunction.mockImplementation(() => Promise.reject({ errCode: -504002, errMsg: 'functions execute fail' }));
    await expect(mod.platformTransport.send('public-read', { action: 'card.get', input: {} })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'INTERNAL.UNEXPECTED',
    });

    const offline = { errCode: -1, errMsg: 'cloud.callFunction:fail network' };
    cloudTaro.cloud.callFunction.mockImplementation(() => Promise.reject(offline));
    // Passed on untouched: the client reports it as NETWORK.FAILED.
    await expect(mod.platformTransport.send('public-read', { action: 'card.get', input: {} })).rejects.toBe(offline);
  });
});
