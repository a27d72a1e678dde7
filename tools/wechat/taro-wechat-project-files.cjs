// Taro plugin (config/index.ts `plugins`): after each weapp build, the files WeChat reads next to app.json that
// Taro does not get right by itself —
//   project.config.json  Taro copies the repository's with miniprogramRoot "./" but leaves cloudfunctionRoot
//                        relative to the repository, so from dist/ it named a folder that does not exist;
//                        it is re-based onto dist/ here (dist/ → ../build/cloudfunctions/).
//   sitemap.json         copied from src/ (app.config's sitemapLocation names it; Taro copies no sitemap).
const { existsSync, readFileSync, writeFileSync, copyFileSync } = require('node:fs');
const { join, relative, resolve, sep, posix } = require('node:path');

const toPosix = (p) => p.split(sep).join(posix.sep);

/** dist/project.config.json's content: Taro's copy with every folder path re-based from the repository onto dist/. */
const rebasedProjectConfig = (rootConfig, distConfig, appPath, outputPath) => {
  const out = { ...distConfig };
  for (const key of ['cloudfunctionRoot', 'cloudcontainerRoot', 'pluginRoot']) {
    if (typeof rootConfig[key] !== 'string') continue;
    const rebased = toPosix(relative(outputPath, resolve(appPath, rootConfig[key])));
    out[key] = rebased.endsWith('/') ? rebased : `${rebased}/`;
  }
  return out;
};

const plugin = (ctx) => {
  ctx.onBuildFinish(({ error }) => {
    if (error || process.env.TARO_ENV !== 'weapp') return;
    const { appPath, outputPath, sourcePath } = ctx.paths;
    const rootFile = join(appPath, 'project.config.json');
    const distFile = join(outputPath, 'project.config.json');
    if (existsSync(rootFile) && existsSync(distFile)) {
      const config = rebasedProjectConfig(JSON.parse(readFileSync(rootFile, 'utf8')), JSON.parse(readFileSync(distFile, 'utf8')), appPath, outputPath);
      writeFileSync(distFile, `${JSON.stringify(config, null, 2)}\n`);
    }
    const sitemap = join(sourcePath, 'sitemap.json');
    if (existsSync(sitemap)) copyFileSync(sitemap, join(outputPath, 'sitemap.json'));
  });
};

module.exports = plugin;
module.exports.rebasedProjectConfig = rebasedProjectConfig;
