import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt, percentile } from './stats';

export interface RequireFigures {
  fn: string;
  bundleMs: number;
  sdkMs: number;
  ratio: number;
}

/** Median cold `require` time in fresh Node processes: bundled function vs bare wx-server-sdk (what cold starts pay). */
export const benchRequire = (root: string, functions: readonly string[], runs = 7): RequireFigures[] => {
  const timeRequire = (target: string) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(target)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], { cwd: root, encoding: 'utf8' });
      samples.push(Number(out.trim()));
    }
    return percentile(samples, 50);
  };
  const sdkMs = timeRequire('wx-server-sdk');
  return functions.map((fn) => {
    const bundleMs = timeRequire(join(root, 'build', 'cloudfunctions', fn, 'index.js'));
    return { fn, bundleMs, sdkMs, ratio: bundleMs / sdkMs };
  });
};

export const printRequire = (rows: RequireFigures[]) => {
  for (const r of rows) console.log(`  ${r.fn.padEnd(12)} require ${fmt(r.bundleMs, 1)} ms ÷ bare wx-server-sdk ${fmt(r.sdkMs, 1)} ms = ${fmt(r.ratio)}×`);
};
