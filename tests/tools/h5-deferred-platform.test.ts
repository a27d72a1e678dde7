/**
 * config/h5-deferred-platform-runtime.js: on H5, Taro's web APIs get the `platform` user-agent parser through a
 * proxy that loads (and parses) it the first time a field is read, not when the web entry starts (#12).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const loads = jest.fn();
jest.mock('platform/platform.js', () => {
  loads();
  return { manufacturer: 'Apple', product: 'iPhone', os: { family: 'iOS', version: '17.1', toString: () => 'iOS 17.1' } };
});

describe('the deferred user-agent parser', () => {
  it('loads nothing until a field is read, then answers as the package does, loading it once', async () => {
    const platform = (await import('../../config/h5-deferred-platform-runtime.js')).default;
    expect(loads).not.toHaveBeenCalled();
    // What Taro's getDeviceInfo / getSystemInfoSync read.
    expect(platform.manufacturer || 'unknown').toBe('Apple');
    expect(platform.product).toBe('iPhone');
    expect(platform.os?.toString()).toBe('iOS 17.1');
    expect(platform.os?.family).toBe('iOS');
    expect('product' in platform).toBe(true);
    expect(Object.keys(platform)).toEqual(['manufacturer', 'product', 'os']);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('is what the H5 build gets for `platform` (and only for the bare name)', () => {
    const config = readFileSync(join(__dirname, '..', '..', 'config', 'index.ts'), 'utf8');
    expect(config).toContain(`chain.resolve.alias.set('platform$', path.resolve(__dirname, 'h5-deferred-platform-runtime.js'))`);
    // Taro's H5 APIs are the importer; if they stop importing it the alias has nothing to defer.
    const system = readFileSync(require.resolve('@tarojs/taro-h5/dist/api/base/system.js'), 'utf8');
    expect(system).toContain(`import platform from 'platform';`);
  });
});
