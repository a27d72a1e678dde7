import { MAIN_TO_HELLO_WORLD_LIMIT, mainPackageOverAim } from '../../tools/bench/size-bench';

describe('the bench gate on the main package (#12: ≤ 1.5× a Taro hello world)', () => {
  const hello = 305_000;

  it('passes at and under the aim', () => {
    expect(MAIN_TO_HELLO_WORLD_LIMIT).toBe(1.5);
    expect(mainPackageOverAim(hello, hello)).toBeNull();
    expect(mainPackageOverAim(1.5 * hello, hello)).toBeNull();
  });

  it('fails one byte over, saying the ratio and by how much', () => {
    expect(mainPackageOverAim(1.5 * hello + 1, hello)).toMatch(/1\.50× a hello world, over the 1\.5× aim by 0\.0 KiB/);
    expect(mainPackageOverAim(488_217, hello)).toMatch(/1\.60× a hello world, over the 1\.5× aim by 30\.0 KiB/);
  });
});
