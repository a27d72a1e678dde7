/**
 * patches/ holds fixes to node_modules (tools/ensure-patches.mjs applies them before start, test, bench and the
 * builds, since install scripts are off). Each must be in place in the installed package: every line a patch adds
 * is in its file, so a build never ships the unpatched code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PATCHES = join(ROOT, 'patches');

/** Files a patch changes and the lines it adds to each (`+++ b/node_modules/…` headers, then `+` lines). */
const addedLines = (patch: string): Map<string, string[]> => {
  const files = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of patch.split('\n')) {
    const header = /^\+\+\+ b\/(.+)$/.exec(line);
    if (header) {
      current = [];
      files.set(header[1] as string, current);
    } else if (current && line.startsWith('+') && line.slice(1).trim() !== '') current.push(line.slice(1));
  }
  return files;
};

describe('patches to node_modules', () => {
  const patches = readdirSync(PATCHES).filter((f) => f.endsWith('.patch'));

  it('has the Taro router fix among them', () => {
    expect(patches).toContain('@tarojs+router+4.2.1.patch');
  });

  it.each(patches)('%s is applied to the installed package (and names its installed version)', (name) => {
    const match = /^(.+)\+([^+]+)\.patch$/.exec(name);
    expect(match).not.toBeNull();
    const pkg = (match?.[1] ?? '').replace('+', '/');
    const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version).toBe(match?.[2]);
    const files = addedLines(readFileSync(join(PATCHES, name), 'utf8'));
    expect(files.size).toBeGreaterThan(0);
    for (const [file, lines] of files) {
      const installed = readFileSync(join(ROOT, file), 'utf8');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(installed).toContain(line);
    }
  });
});
