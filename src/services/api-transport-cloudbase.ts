import type { ActionEnvelope, FunctionName } from '../../domain/api/contract';
import { ApiError } from './api-error';
import type { ApiTransport } from './api-transport';
import { linkCloudFiles, type GetTempFileUrl } from './cloud-file-linker';

/**
 * The part of the CloudBase web SDK (`@cloudbase/js-sdk` 3) the web build uses in production: anonymous sign-in
 * and calling a function. Tests hand in a fake with the same shape.
 */
export interface CloudbaseSdk {
  init(config: { env: string; region?: string }): CloudbaseApp;
}
export interface CloudbaseApp {
  auth(options: { persistence: 'local' }): CloudbaseAuth;
  callFunction(options: { name: string; data: unknown }): Promise<{ result?: unknown }>;
  /** Temp https links for cloud file ids (storage rules must let the anonymous visitor read them). */
  getTempFileURL: GetTempFileUrl;
}
export interface CloudbaseAuth {
  getLoginState(): Promise<unknown>;
  signInAnonymously(): Promise<{ error?: { message?: string } | null } | undefined | void>;
}

export interface CloudbaseTransportConfig {
  env: string;
  region?: string;
}

/**
 * Production web transport: the visitor signs in anonymously to CloudBase once (kept in the browser, so the
 * same visitor comes back with the same uid, which the functions read as TCB_UUID — the web-visitor identity),
 * then each action is a `callFunction` to its grouped function with the same envelope the mini-program sends.
 * The SDK is loaded on the first call, so it is its own chunk and never part of the entry. A browser cannot load
 * `cloud://` photos: before an answer is handed on, the cloud file ids in it get temp links (in a batch, kept
 * until shortly before they expire) that the pages' image URLs use; the mini-program loads the ids itself.
 */
export const createCloudbaseTransport = (loadSdk: () => Promise<CloudbaseSdk>, config: CloudbaseTransportConfig): ApiTransport => {
  let ready: Promise<CloudbaseApp> | null = null;

  const connect = async (): Promise<CloudbaseApp> => {
    const sdk = await loadSdk();
    const app = sdk.init({ env: config.env, ...(config.region ? { region: config.region } : {}) });
    const auth = app.auth({ persistence: 'local' });
    if (!(await auth.getLoginState())) {
      const signedIn = await auth.signInAnonymously();
      // Anonymous login switched off in the console, or the domain not on the security list: no call can work.
      if (signedIn && signedIn.error) throw new ApiError('AUTH.SIGN_IN_REQUIRED', '网页暂时无法连接，请稍后重试或在微信中打开');
    }
    return app;
  };

  return {
    async send(fn: FunctionName, envelope: ActionEnvelope) {
      if (!ready) {
        ready = connect();
        // A failed sign-in (offline, say) is tried again on the next call.
        ready.catch(() => {
          ready = null;
        });
      }
      const app = await ready;
      const response = await app.callFunction({ name: fn, data: envelope });
      await linkCloudFiles((params) => app.getTempFileURL(params), response?.result);
      return response?.result;
    },
  };
};

/** The SDK itself, fetched when the first call is made. */
export const loadCloudbaseSdk = async (): Promise<CloudbaseSdk> => {
  const mod = (await import('@cloudbase/js-sdk')) as unknown as { default?: CloudbaseSdk } & CloudbaseSdk;
  return mod.default ?? mod;
};
