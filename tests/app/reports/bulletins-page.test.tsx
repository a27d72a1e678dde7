import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import BulletinsPage from '../../../src/reports/bulletins/index';
import * as TaroMock from '../support/taro-mock';
import { fakeBackend } from '../share/share-mothers';

let restore: (() => void) | undefined;
const device = Taro as unknown as Record<string, jest.Mock>;
beforeEach(() => {
  TaroMock.resetTaroMock();
  device.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/bulletin.pdf' }));
  device.openDocument = jest.fn(() => Promise.resolve({ errMsg: 'openDocument:ok' }));
});
afterEach(() => restore?.());

const item = (month: string, label: string) => ({
  id: `bl_demo-linjiang_${month}`,
  month,
  level: 'district' as const,
  label,
  title: `临江区 ${label}招商工作通报`,
  createdAt: '2026-12-01T00:00:00.000Z',
  pdfBytes: 71_000,
  pngBytes: 183_000 as number | null,
  inquiries: 12,
  confirmedSigned: 2,
  ranking: { locked: true, lockAt: '2026-12-07T16:00:00.000Z' },
  edition: 1,
});
const cityItem = (month: string, label: string) => ({ ...item(month, label), id: `bl_city-yunchuan_${month}`, level: 'city' as const, label: `${label} · 全市`, title: `${label}全市招商工作通报`, ranking: null });

describe('bulletins page', () => {
  it('lists past bulletins newest first and opens a PDF with openDocument (menu on) in WeChat', async () => {
    const fake = fakeBackend({
      'report.bulletins': () => ({ items: [item('2026-11', '2026年11月'), item('2026-10', '2026年10月')] }),
      'report.bulletinFile': () => ({ fileName: '临江区2026年11月招商工作通报.pdf', url: 'https://tcb.example/bulletins/x.pdf?sign=1' }),
    });
    restore = fake.restore;
    render(<BulletinsPage />);
    await screen.findByTestId('bulletins-list');
    expect(screen.getAllByTestId('bulletin-item').map((e) => e.getAttribute('data-bulletin'))).toEqual(['bl_demo-linjiang_2026-11', 'bl_demo-linjiang_2026-10']);
    expect(screen.getAllByText('咨询 12 条 · 确认签约 2 个 · PDF 69 KB')).toHaveLength(2);
    await act(async () => {
      fireEvent.click(screen.getByTestId('bulletin-pdf-district-2026-11'));
    });
    expect(fake.inputsOf('report.bulletinFile')).toEqual([{ bulletinId: 'bl_demo-linjiang_2026-11', format: 'pdf' }]);
    expect(device.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/bulletin.pdf', fileType: 'pdf', showMenu: true });
  });

  it('says when none exists yet and leads to the dashboard; says why a file did not open', async () => {
    restore = fakeBackend({ 'report.bulletins': () => ({ items: [] }) }).restore;
    const { unmount } = render(<BulletinsPage />);
    expect(await screen.findByText('还没有通报')).toBeTruthy();
    fireEvent.click(screen.getByText('查看数据看板'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/reports/dashboard/index' });
    unmount();
    restore();
    restore = fakeBackend({
      'report.bulletins': () => ({ items: [item('2026-11', '2026年11月')] }),
      'report.bulletinFile': () => ({ ok: false, error: { code: 'REPORT.FILE_FAILED', message: '文件没有生成成功，请稍后重试' } }),
    }).restore;
    render(<BulletinsPage />);
    await screen.findByTestId('bulletins-list');
    await act(async () => {
      fireEvent.click(screen.getByTestId('bulletin-xlsx-district-2026-11'));
    });
    expect(screen.getByRole('alert').textContent).toContain('文件没有生成成功');
  });

  it('a city admin’s month has two rows, 市级 and 区级, each its own title, buttons and ranking line', async () => {
    const live = { ...item('2026-11', '2026年11月'), ranking: { locked: false, lockAt: '2026-12-07T16:00:00.000Z' } };
    const fake = fakeBackend({
      'report.bulletins': () => ({ items: [cityItem('2026-11', '2026年11月'), live, { ...item('2026-10', '2026年10月'), edition: 2 }] }),
      'report.bulletinFile': () => ({ fileName: '2026年11月全市招商工作通报.pdf', url: 'https://tcb.example/bulletins/c.pdf?sign=1' }),
    });
    restore = fake.restore;
    render(<BulletinsPage />);
    await screen.findByTestId('bulletins-list');
    const rows = screen.getAllByTestId('bulletin-item');
    expect(rows.map((r) => [r.getAttribute('data-level'), r.textContent?.slice(0, 2)])).toEqual([
      ['city', '市级'],
      ['district', '区级'],
      ['district', '区级'],
    ]);
    expect(screen.getByText('2026年11月全市招商工作通报')).toBeTruthy();
    expect(screen.getByText('临江区 2026年11月招商工作通报')).toBeTruthy();
    // Every row's own test ids are distinct (the rows share `bulletin-item`, as list items do).
    const ids = [...document.querySelectorAll('[data-testid^="bulletin-"]')].map((e) => e.getAttribute('data-testid')).filter((id) => id !== 'bulletin-item');
    // PDF, Excel and 分享图 per row, and the two district rows' ranking lines.
    expect(ids).toHaveLength(3 * 3 + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(screen.getByTestId('bulletin-ranking-district-2026-11').textContent).toBe('擂台赛为实时排名，2026-12-07 锁定后更新为第二版');
    expect(screen.getByTestId('bulletin-ranking-district-2026-10').textContent).toBe('第 2 版 · 擂台赛排名已锁定（2026-12-07）');
    expect(screen.queryByTestId('bulletin-ranking-city-2026-11')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('bulletin-pdf-city-2026-11'));
    });
    expect(fake.inputsOf('report.bulletinFile')).toEqual([{ bulletinId: 'bl_city-yunchuan_2026-11', format: 'pdf' }]);
  });

  describe('the share image', () => {
    const pngBackend = () =>
      fakeBackend({
        'report.bulletins': () => ({ items: [item('2026-11', '2026年11月'), { ...item('2026-10', '2026年10月'), pngBytes: null }] }),
        'report.bulletinFile': (input: unknown) => {
          const format = (input as { format: string }).format;
          return { fileName: `临江区2026年11月招商工作通报.${format}`, url: `https://tcb.example/bulletins/x.${format}?sign=1` };
        },
      });
    const showImage = async () => {
      await screen.findByTestId('bulletins-list');
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-png-district-2026-11'));
      });
      return screen.getByTestId('bulletin-image-district-2026-11');
    };
    afterEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('shows under its bulletin on a tap; 保存图片 downloads it and saves it to the album in WeChat', async () => {
      device.saveImageToPhotosAlbum = jest.fn(() => Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' }));
      device.previewImage = jest.fn(() => Promise.resolve({ errMsg: 'previewImage:ok' }));
      device.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/bulletin.png' }));
      const fake = pngBackend();
      restore = fake.restore;
      render(<BulletinsPage />);
      // A bulletin made before share images has no such button (its PDF still opens).
      await screen.findByTestId('bulletins-list');
      expect(screen.queryByTestId('bulletin-png-district-2026-10')).toBeNull();
      const shown = await showImage();
      expect(fake.inputsOf('report.bulletinFile')).toEqual([{ bulletinId: 'bl_demo-linjiang_2026-11', format: 'png' }]);
      const picture = shown.querySelector('img');
      expect(picture?.getAttribute('src')).toBe('https://tcb.example/bulletins/x.png?sign=1');
      expect(picture?.getAttribute('aria-label')).toBe('临江区 2026年11月招商工作通报分享图');
      expect(screen.getByTestId('bulletin-png-district-2026-11').textContent).toContain('收起分享图');
      // A tap on the picture opens WeChat's viewer (long press there: save, forward).
      fireEvent.click(picture as HTMLElement);
      expect(device.previewImage).toHaveBeenCalledWith({ urls: ['https://tcb.example/bulletins/x.png?sign=1'], current: 'https://tcb.example/bulletins/x.png?sign=1' });
      device.previewImage.mockClear();
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-save-district-2026-11'));
      });
      expect(device.downloadFile).toHaveBeenCalledWith({ url: 'https://tcb.example/bulletins/x.png?sign=1' });
      expect(device.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/bulletin.png' });
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }));
      expect(device.previewImage).not.toHaveBeenCalled();
      // A second tap on 收起分享图 hides it again, without another call.
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-png-district-2026-11'));
      });
      expect(screen.queryByTestId('bulletin-image-district-2026-11')).toBeNull();
      expect(fake.inputsOf('report.bulletinFile')).toHaveLength(1);
    });

    it('when the album save fails, the image opens in WeChat’s viewer, where a long press saves it', async () => {
      device.saveImageToPhotosAlbum = jest.fn(() => Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail write error' }));
      device.previewImage = jest.fn(() => Promise.resolve({ errMsg: 'previewImage:ok' }));
      device.downloadFile = jest.fn(() => Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/bulletin.png' }));
      restore = pngBackend().restore;
      render(<BulletinsPage />);
      await showImage();
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-save-district-2026-11'));
      });
      expect(device.previewImage).toHaveBeenCalledWith({ urls: ['wxfile://tmp/bulletin.png'], current: 'wxfile://tmp/bulletin.png' });
    });

    it('on the web, 保存图片 is a download of the PNG under the bulletin’s name', async () => {
      process.env.TARO_ENV = 'h5';
      const clicked: Array<{ href: string; download: string }> = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      });
      restore = pngBackend().restore;
      render(<BulletinsPage />);
      await showImage();
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-save-district-2026-11'));
      });
      expect(clicked).toEqual([{ href: 'https://tcb.example/bulletins/x.png?sign=1', download: '临江区2026年11月招商工作通报.png' }]);
      expect(device.downloadFile).not.toHaveBeenCalled();
      click.mockRestore();
    });

    it('says why the image did not come', async () => {
      restore = fakeBackend({
        'report.bulletins': () => ({ items: [item('2026-11', '2026年11月')] }),
        'report.bulletinFile': () => ({ ok: false, error: { code: 'REPORT.BULLETIN_IMAGE_MISSING', message: '这期通报生成时还没有分享图，请打开 PDF 转发' } }),
      }).restore;
      render(<BulletinsPage />);
      await screen.findByTestId('bulletins-list');
      await act(async () => {
        fireEvent.click(screen.getByTestId('bulletin-png-district-2026-11'));
      });
      expect(screen.getByRole('alert').textContent).toContain('还没有分享图');
      expect(screen.queryByTestId('bulletin-image-district-2026-11')).toBeNull();
    });
  });
});
