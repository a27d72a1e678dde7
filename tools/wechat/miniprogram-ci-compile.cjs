// Child process of tools/wechat/compile-weapp.ts (run with offline-preload.cjs): miniprogram-ci's offline
// compile of one mini-program folder — WeChat's app.json schema check, page files, JS transpile — with a
// throwaway signing key made here and deleted again. The key only has to exist: nothing is uploaded.
// Prints one line `CI-RESULT {"ok":…}` and exits (the library leaves handles open that would keep Node alive).
const { generateKeyPairSync } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const [projectPath, appid] = process.argv.slice(2);
const done = (result) => {
  process.stdout.write(`\nCI-RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
};

(async () => {
  const keyDir = mkdtempSync(join(tmpdir(), 'investcard-ci-key-'));
  let result;
  try {
    const ci = require('miniprogram-ci');
    const keyPath = join(keyDir, 'private.key');
    writeFileSync(keyPath, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
    const project = new ci.Project({ appid, type: 'miniProgram', projectPath, privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
    // The project's attributes normally come from WeChat's servers; the defaults are what an offline compile needs.
    project.attr = async () => ci.DefaultProjectAttr;
    const files = await ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: true, minify: false }, onProgressUpdate: () => undefined });
    result = { ok: true, files: Object.keys(files).length };
  } catch (error) {
    result = { ok: false, code: error && error.code, message: String((error && error.message) || error) };
  }
  rmSync(keyDir, { recursive: true, force: true });
  done(result);
})();
