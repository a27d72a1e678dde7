import { act, fireEvent, render, screen } from '@testing-library/react';
import { isChunkLoadError, watchChunkLoadFailures, watchLazyLoadFailures } from '../../../src/platform/page-load-failure';
import { PageLoadFailureHost } from '../../../src/shell/page-load-failure-host.h5';

const nav = {
  showModal: jest.fn((_o: Record<string, unknown>) => Promise.resolve({ confirm: true, cancel: false })),
  reLaunch: jest.fn((_o: { url: string }) => Promise.resolve({ errMsg: 'reLaunch:ok' })),
  getCurrentPages: jest.fn(() => [{ route: 'pages/card/index' }, { route: 'staff/lead-detail/index', options: { id: 'lead 1' } }]),
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: nav }));

/** What the browser raises when a page's chunk promise rejects and nobody handles it. */
const rejectUnhandled = (reason: unknown): Event => {
  const event = new Event('unhandledrejection', { cancelable: true });
  Object.assign(event, { reason });
  window.dispatchEvent(event);
  return event;
};

const chunkError = (): Error => Object.assign(new Error('Loading chunk pages-carriers-index failed.\n(error: http://127.0.0.1/js/pages-carriers-index.1a2b3c4d.js)'), { name: 'ChunkLoadError' });

describe('a page whose code did not arrive', () => {
  it('recognises webpack’s failed chunks (script and CSS) and nothing else', () => {
    expect(isChunkLoadError(chunkError())).toBe(true);
    expect(isChunkLoadError(new Error('Loading CSS chunk 312 failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Failed to fetch'))).toBe(false);
    expect(isChunkLoadError('Loading chunk 1 failed.')).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });

  it('web: reports a failed chunk once and keeps it from surfacing as an uncaught error; other rejections pass', () => {
    const failures: string[] = [];
    const stop = watchChunkLoadFailures(window, (f) => failures.push(f.detail));
    const caught = rejectUnhandled(chunkError());
    expect(caught.defaultPrevented).toBe(true);
    const other = rejectUnhandled(new Error('boom'));
    expect(other.defaultPrevented).toBe(false);
    stop();
    rejectUnhandled(chunkError());
    expect(failures).toEqual([expect.stringContaining('pages-carriers-index')]);
  });

  it('web: shows a clear state over the empty page whose 重试 loads that page again', () => {
    const reload = jest.fn();
    render(<PageLoadFailureHost reload={reload} />);
    expect(screen.queryByTestId('page-load-failure')).toBeNull();
    act(() => {
      rejectUnhandled(chunkError());
    });
    const state = screen.getByTestId('page-load-failure');
    expect(state.textContent).toContain('页面没有加载出来，请检查网络后重试');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('mini-program: a subpackage WeChat failed to load asks to retry, and 重试 reopens the current page with its query', async () => {
    let listener: ((res: { errMsg?: string; subpackage?: string[] }) => void) | undefined;
    const wx = { onLazyLoadError: jest.fn((l: typeof listener) => (listener = l)), offLazyLoadError: jest.fn() };
    const reported: string[] = [];
    const stop = watchLazyLoadFailures(wx, (f) => reported.push(f.detail));
    listener?.({ errMsg: 'loadSubpackage: fail', subpackage: ['staff'] });
    expect(reported).toEqual(['loadSubpackage: fail staff']);
    stop();
    expect(wx.offLazyLoadError).toHaveBeenCalledWith(listener);
    // An old base library without the event: nothing registered, nothing thrown.
    expect(() => watchLazyLoadFailures({}, () => undefined)()).not.toThrow();

    const { offerReopen } = require('../../../src/shell/page-load-failure-host') as typeof import('../../../src/shell/page-load-failure-host');
    offerReopen();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(nav.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '重试' }));
    expect(nav.reLaunch).toHaveBeenCalledWith({ url: '/staff/lead-detail/index?id=lead%201' });
  });
});
