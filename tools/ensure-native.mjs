// Install scripts are off (.npmrc). better-sqlite3 is the one dependency that needs its native build:
// build it from source on first use, then get out of the way. Runs in well under a second when present.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const loads = () => {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
};

if (!loads()) {
  console.log('[investcard] building better-sqlite3 from source (first run only, ~1–2 min)…');
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { stdio: 'inherit' });
  if (r.status !== 0 || !loads()) {
    console.error('[investcard] better-sqlite3 could not be built: install python3, make and a C++ compiler, then retry.');
    process.exit(1);
  }
}
