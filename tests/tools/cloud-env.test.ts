import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cloudEnvProblem } from '../../config/cloud-env';

const ROOT = resolve(__dirname, '../..');

/** `wx.cloud.init` without `env` talks to whatever DevTools had selected: a production weapp build must name it. */
describe('the cloud environment of a weapp build', () => {
  const weappProd = { TARO_ENV: 'weapp', NODE_ENV: 'production' };

  it('refuses a production weapp build without TARO_APP_CLOUD_ENV, saying what to set', () => {
    expect(cloudEnvProblem({ ...weappProd })).toMatch(/TARO_APP_CLOUD_ENV is not set.*INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS=1/);
    expect(cloudEnvProblem({ ...weappProd, TARO_APP_CLOUD_ENV: '  ' })).toMatch(/TARO_APP_CLOUD_ENV is not set/);
    expect(cloudEnvProblem({ ...weappProd, INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS: 'yes' })).toMatch(/TARO_APP_CLOUD_ENV is not set/);
  });

  it('lets it through with an environment id, or with the explicit DevTools opt-in; never bothers H5 or watch builds', () => {
    expect(cloudEnvProblem({ ...weappProd, TARO_APP_CLOUD_ENV: 'prod-3f9a' })).toBeNull();
    expect(cloudEnvProblem({ ...weappProd, INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS: '1' })).toBeNull();
    expect(cloudEnvProblem({ TARO_ENV: 'h5', NODE_ENV: 'production' })).toBeNull();
    expect(cloudEnvProblem({ TARO_ENV: 'weapp', NODE_ENV: 'development' })).toBeNull();
  });

  it('a real `taro build --type weapp` without it stops before writing anything', () => {
    const out = mkdtempSync(join(tmpdir(), 'weapp-env-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, TARO_OUTPUT_ROOT: join(out, 'dist'), NODE_ENV: 'production' };
      delete env.TARO_APP_CLOUD_ENV;
      delete env.INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS;
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('TARO_APP_CLOUD_ENV is not set: a production weapp build must name its WeChat cloud environment');
      expect(existsSync(join(out, 'dist', 'app.js'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
