/**
 * The client's `wx.cloud.init` needs `env` (DYNAMIC_CURRENT_ENV is a server constant): without it the app talks
 * to whatever environment the DevTools that uploaded it had selected. A production weapp build therefore needs
 * TARO_APP_CLOUD_ENV, unless INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS=1 says that choice is deliberate (local builds,
 * CI checks). Returns the refusal, or null when the build may go on.
 */
export const cloudEnvProblem = (env: Readonly<Record<string, string | undefined>>): string | null => {
  if (env.TARO_ENV !== 'weapp' || env.NODE_ENV === 'development') return null;
  if ((env.TARO_APP_CLOUD_ENV ?? '').trim()) return null;
  if (env.INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS === '1') return null;
  return (
    'TARO_APP_CLOUD_ENV is not set: a production weapp build must name its WeChat cloud environment ' +
    '(TARO_APP_CLOUD_ENV=<env id> npm run build:weapp). To use the environment selected in WeChat DevTools ' +
    'instead, set INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS=1.'
  );
};
