import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalFiles, verifyLocalLink } from '../../tools/local-cloud/local-files';

describe('local file store (the local stand-in for cloud storage)', () => {
  const secret = 'a'.repeat(64);
  let now = Date.parse('2026-12-02T02:00:00.000Z');

  it.each([['memory', undefined], ['folder', 'dir']])('keeps files in %s and opens them only through a signed, unexpired link', async (_kind, useDir) => {
    const dir = useDir ? mkdtempSync(join(tmpdir(), 'investcard-files-')) : undefined;
    try {
      const files = createLocalFiles({ dir, secret, now: () => now });
      const fileId = await files.put('exports/demo/aud_1.csv', new Uint8Array([1, 2, 3]));
      expect(Array.from((await files.get(fileId)) ?? [])).toEqual([1, 2, 3]);
      const link = new URL(await files.linkFor(fileId, '招商数据.csv'), 'http://local');
      expect(verifyLocalLink(secret, link, now)).toEqual({ fileId, fileName: '招商数据.csv' });
      // Another name, another file, another secret, or an hour later: not a link.
      const renamed = new URL(link);
      renamed.searchParams.set('name', 'x.csv');
      const moved = new URL(link.toString().replace('aud_1', 'aud_2'));
      expect([verifyLocalLink(secret, renamed, now), verifyLocalLink(secret, moved, now), verifyLocalLink('b'.repeat(64), link, now), verifyLocalLink(secret, link, now + 3600_001)]).toEqual([null, null, null, null]);
      now += 1;
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses paths that could leave its folder, and ids it did not make', async () => {
    const files = createLocalFiles({ secret });
    await expect(files.put('../etc/passwd', new Uint8Array())).rejects.toThrow('unsafe');
    await expect(files.put('exports/../../x', new Uint8Array())).rejects.toThrow('unsafe');
    expect(await files.get('local:../x')).toBeNull();
    expect(await files.get('cloud://env/exports/x.csv')).toBeNull();
    expect(verifyLocalLink(secret, new URL('http://local/api/_local/files/..%2Fx?name=a&exp=99999999999999&sig=x'))).toBeNull();
  });
});
