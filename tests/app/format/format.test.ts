import { formatArea, formatPrice, formatResponsePromise, groupDigits, initialOf } from '../../../src/format/format';
import { imageUrl } from '../../../src/platform/image-url';

describe('formatting for people', () => {
  it('groups digits and shortens large areas', () => {
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(formatArea(860)).toBe('860㎡');
    expect(formatArea(42000)).toBe('42,000㎡');
    expect(formatArea(186000)).toBe('18.6万㎡');
    expect(formatArea(0)).toBe('0㎡');
  });

  it('prints price ranges, single prices and 面议', () => {
    expect(formatPrice(0.9, 1.3, 'yuan_per_sqm_day')).toBe('0.9–1.3 元/㎡·天');
    expect(formatPrice(38, 38, 'wan_per_mu')).toBe('38 万元/亩');
    expect(formatPrice(null, 45, 'yuan_per_sqm_month')).toBe('45 元/㎡·月');
    expect(formatPrice(null, null, 'yuan_per_sqm_day')).toBe('价格面议');
  });

  it('states the response promise in working days when it is whole days', () => {
    expect(formatResponsePromise(8)).toBe('1 个工作日内回复咨询');
    expect(formatResponsePromise(16)).toBe('2 个工作日内回复咨询');
    expect(formatResponsePromise(4)).toBe('4 个工作小时内回复咨询');
    expect(formatResponsePromise(12)).toBe('12 个工作小时内回复咨询');
  });

  it('takes the first character for an avatar', () => {
    expect(initialOf(' 王建国')).toBe('王');
    expect(initialOf('')).toBe('·');
  });
});

describe('image references per platform', () => {
  afterEach(() => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = '';
  });

  it('keeps cloud files in the mini-program and drops them on the web', () => {
    expect(imageUrl('cloud://env-1.abc/photo.jpg')).toBe('cloud://env-1.abc/photo.jpg');
    process.env.TARO_ENV = 'h5';
    expect(imageUrl('cloud://env-1.abc/photo.jpg')).toBeNull();
  });

  it('loads bundled assets from the app itself, even when the API lives elsewhere', () => {
    expect(imageUrl('/assets/people/staff-head.svg')).toBe('/assets/people/staff-head.svg');
    process.env.TARO_ENV = 'h5';
    process.env.TARO_APP_API_BASE = 'http://127.0.0.1:8787';
    expect(imageUrl('/assets/people/staff-head.svg')).toBe('/assets/people/staff-head.svg');
    expect(imageUrl('https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(imageUrl(null)).toBeNull();
    expect(imageUrl('javascript:alert(1)')).toBeNull();
  });
});
