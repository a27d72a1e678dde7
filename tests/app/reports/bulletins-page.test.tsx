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

const item = (month: string, label: string) => ({ id: `bl_demo-linjiang_${month}`, month, label, title: `临江区 ${label}招商工作通报`, createdAt: '2026-12-01T00:00:00.000Z', pdfBytes: 71_000, inquiries: 12, confirmedSigned: 2 });

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
      fireEvent.click(screen.getByTestId('bulletin-pdf-2026-11'));
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
      fireEvent.click(screen.getByTestId('bulletin-xlsx-2026-11'));
    });
    expect(screen.getByRole('alert').textContent).toContain('文件没有生成成功');
  });
});
