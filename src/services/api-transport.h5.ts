import { httpPathFor, PERSONA_HEADER } from '../../domain/api/contract';
import { takePrefetchedResponse } from '../first-screen/first-screen-handoff';
import { ApiError } from './api-error';
import type { ApiTransport } from './api-transport';
import { createCloudbaseTransport, loadCloudbaseSdk } from './api-transport-cloudbase';
import { activeDemoPersonaId } from './demo-persona';

const REQUEST_TIMEOUT_MS = 15000;

/**
 * Web transport to the local cloud: `POST {TARO_APP_API_BASE}/api/<action>` with a JSON body `{input}`. On H5
 * `Taro.cloud` is a stub that silently "succeeds" with no data, so the web build never goes near it.
 */
export const httpTransport: ApiTransport = {
  async send(_fn, envelope) {
    // The first screen (index.html) may already have asked this very question: take its answer once, or ask
    // again if its request failed.
    const prefetched = takePrefetchedResponse(envelope.action, envelope.input);
    if (prefetched) {
      try {
        return await prefetched;
      } catch {
        // Fall through to a fresh request.
      }
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    const persona = await activeDemoPersonaId();
    if (persona) headers[PERSONA_HEADER] = persona;

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(`${process.env.TARO_APP_API_BASE ?? ''}${httpPathFor(envelope.action)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ input: envelope.input }),
        credentials: 'same-origin',
        signal: controller.signal,
      });
      const text = await response.text();
      try {
        // Failed actions come back as `{ok: false, error}` whatever the HTTP status: the client reads them.
        return JSON.parse(text) as unknown;
      } catch {
        throw new ApiError(response.status >= 500 ? 'STORE.UNAVAILABLE' : 'INTERNAL.UNEXPECTED');
      }
    } finally {
      clearTimeout(timer);
    }
  },
};

/**
 * In production (`TARO_APP_CLOUDBASE_ENV` set at build time) the web build calls the cloud functions through the
 * CloudBase web SDK with anonymous sign-in; otherwise (the local demo, the e2e) the local cloud over HTTP.
 */
const cloudbaseEnv = process.env.TARO_APP_CLOUDBASE_ENV;
export const platformTransport: ApiTransport = cloudbaseEnv
  ? createCloudbaseTransport(loadCloudbaseSdk, { env: cloudbaseEnv, ...(process.env.TARO_APP_CLOUDBASE_REGION ? { region: process.env.TARO_APP_CLOUDBASE_REGION } : {}) })
  : httpTransport;
