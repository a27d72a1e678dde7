import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { FUNCTION_NAMES } from '../../domain/api/contract';
import { buildFunctions } from '../build-functions';
import { buildH5, isH5BuildStale } from '../local-cloud/h5-build';
import { benchA11y, printA11y } from './a11y-bench';
import { benchCarrierSearch, printCarrierSearch } from './carrier-search-bench';
import { benchCloudCost, printCloudCost } from './cloud-cost-bench';
import { benchHttp, printHttp } from './http-bench';
import { benchImport, printImport } from './import-bench';
import { benchImportOnCloud, printImportOnCloud } from './import-cloud-bench';
import { benchStaffImport, printStaffImport } from './staff-import-bench';
import { benchMatching, benchWebSubmit, printReach } from './reach-bench';
import { buildHelloWorld } from './hello-world-app';
import { benchLcp, printLcp } from './lcp-bench';
import { benchLeadPipeline } from './lead-pipeline-bench';
import { benchLighthousePerf, printLighthousePerf } from './lighthouse-perf-bench';
import { benchRequire, printRequire } from './require-bench';
import { h5EntryBytes, helloWorldBytes, mainPackageBytes, mainPackageOverAim, printH5Entry, printSize } from './size-bench';
import { fmt } from './stats';
import { benchStoreInsert } from './store-bench';
import { benchWeappRender, printWeappRender } from './weapp-render-bench';
import { benchReports, printReports } from './report-bench';

/**
 * `npm run bench [-- --only=size,lcp,store,pipeline,search,http,require,a11y,cost,render,perf,import,reach,reports] [--pages=card,…]`: every figure is measured side by
 * side with its baseline in the same run, so machine noise cancels out; ratios are what to compare.
 * Writes test-output/bench.json as well.
 */
const ROOT = resolve(__dirname, '../..');
/** A `--name=a,b` argument's list; undefined when it is not given. */
const listFlag = (name: string): string[] | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
const only = listFlag('only');
const want = (name: string) => !only || only.includes(name);
/** `--pages=card,directory`: the Lighthouse performance figure audits only these pages. */
const pageNames = listFlag('pages');
const results: Record<string, unknown> = { machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, at: new Date().toISOString() };

const main = async () => {
  console.log(`InvestCard benchmarks — ${results.machine}`);

  if (want('size')) {
    console.log('\n1. weapp main package size');
    // Sizes only: the build may use DevTools' cloud environment (config/cloud-env.ts refuses it otherwise).
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], { cwd: ROOT, encoding: 'utf8', env: { INVESTCARD_CLOUD_ENV_FROM_DEVTOOLS: '1', ...process.env, NODE_ENV: 'production' } });
    if (r.status !== 0) throw new Error(`weapp build failed:\n${r.stdout}\n${r.stderr}`);
    const sizes = mainPackageBytes(join(ROOT, 'dist'));
    const hello = helloWorldBytes(ROOT);
    printSize(sizes, hello);
    // The gate on #12's 1.5× aim: the run goes on, its exit code says the main package is over.
    const over = mainPackageOverAim(sizes.main, hello);
    if (over) {
      console.error(`  FAIL: ${over}`);
      process.exitCode = 1;
    }
    if (isH5BuildStale(ROOT, join(ROOT, 'dist-h5'))) buildH5(ROOT);
    const h5Entry = h5EntryBytes(join(ROOT, 'dist-h5'));
    printH5Entry(h5Entry);
    results.size = { ...sizes, helloWorld: hello, h5Entry };
  }

  if (want('lcp')) {
    console.log('\n2. H5 card page LCP (Chromium, CPU throttled)');
    if (isH5BuildStale(ROOT, join(ROOT, 'dist-h5'))) buildH5(ROOT);
    // The framework's own start, for scale: a stock Taro H5 hello world in the same runs.
    const hello = buildHelloWorld(ROOT, 'h5');
    try {
      const f = await benchLcp(join(ROOT, 'dist-h5'), undefined, undefined, undefined, hello.outDir);
      printLcp(f);
      results.lcp = f;
    } finally {
      hello.remove();
    }
  }

  if (want('store')) {
    console.log('\n3a. SQLite adapter insert rate ÷ raw better-sqlite3 (same documents, same pragmas)');
    const f = await benchStoreInsert(5000);
    console.log(`  adapter ${fmt(f.adapterPerSec, 0)}/s ÷ raw ${fmt(f.rawPerSec, 0)}/s = ${fmt(f.ratio)}`);
    results.store = f;
  }

  if (want('pipeline')) {
    console.log('\n3b. lead-submit pipeline ÷ raw SQLite insert of the same documents');
    const f = await benchLeadPipeline(2000);
    console.log(`  pipeline ${fmt(f.pipelinePerSec, 0)} leads/s ÷ raw ${fmt(f.rawPerSec, 0)}/s = ${fmt(f.ratio, 3)}`);
    results.pipeline = f;
  }

  if (want('search')) {
    console.log('\n4. carrier search through the real use case');
    const rows = [];
    for (const n of [10_000, 100_000]) {
      const f = await benchCarrierSearch(n);
      printCarrierSearch(f);
      rows.push(f);
    }
    results.search = rows;
  }

  if (want('http')) {
    console.log('\n5. local cloud over HTTP on loopback');
    const rows = await benchHttp();
    printHttp(rows);
    results.http = rows;
  }

  if (want('require')) {
    console.log('\n6. bundled cloud function require time ÷ bare wx-server-sdk');
    await buildFunctions(ROOT);
    const rows = benchRequire(ROOT, FUNCTION_NAMES);
    printRequire(rows);
    results.require = rows;
  }

  if (want('a11y')) {
    console.log('\n7. Lighthouse accessibility score per H5 page (mobile, Debian Chromium)');
    if (isH5BuildStale(ROOT, join(ROOT, 'dist-h5'))) buildH5(ROOT);
    const rows = await benchA11y(join(ROOT, 'dist-h5'));
    printA11y(rows);
    results.a11y = rows;
  }

  if (want('cost')) {
    console.log('\n8. cost per action on WeChat Cloud: database requests and waves (wx-server-sdk over the fake transport)');
    const rows = await benchCloudCost();
    printCloudCost(rows);
    results.cost = rows;
  }

  if (want('render')) {
    console.log('\n9. weapp first render per page (simulated mini-program runtime, real function answers)');
    const rows = await benchWeappRender(ROOT);
    printWeappRender(rows);
    results.render = rows;
  }

  if (want('perf')) {
    console.log('\n10. Lighthouse performance score per H5 page (mobile profile, Debian Chromium, against the local cloud)');
    if (isH5BuildStale(ROOT, join(ROOT, 'dist-h5'))) buildH5(ROOT);
    const rows = await benchLighthousePerf(join(ROOT, 'dist-h5'), pageNames);
    printLighthousePerf(rows);
    results.perf = rows;
  }

  if (want('import')) {
    console.log('\n11. district office carrier import (5 000 rows): dry run, apply, apply again, rows/s and peak memory; DB waves and calls on WeChat Cloud');
    const f = await benchImport(5000);
    printImport(f);
    const cloud = await benchImportOnCloud(5000);
    printImportOnCloud(cloud);
    results.import = { ...f, cloud };
  }
  if (want('staff-import')) {
    console.log('\n11b. district office staff import (2 000 rows): dry run, apply with invite codes, apply again, rows/s and peak memory');
    const f = await benchStaffImport(2000);
    printStaffImport(f);
    results.staffImport = f;
  }
  if (want('reach')) {
    console.log('\n12. reach: carrier matching over 10 000 carriers; the web path\'s inquiry submit on loopback');
    const matching = await benchMatching(10_000);
    const web = await benchWebSubmit();
    printReach(matching, web);
    results.reach = { matching, web };
  }
  if (want('reports')) {
    console.log('\n13. dashboard and ranking reads at 100 000 leads over 3 years, beside a full recount; one monthly bulletin');
    const f = await benchReports(100_000);
    printReports(f);
    results.reports = f;
  }

  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, 'test-output', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote test-output/bench.json');
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
