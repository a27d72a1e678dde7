import { act, renderHook } from '@testing-library/react';
import { useAction } from '../../../src/hooks/use-action';
import { ApiError } from '../../../src/services/api-client';

describe('useAction (one button’s call: run / pending / error)', () => {
  it('runs once at a time: a second tap while pending is ignored', async () => {
    let release: () => void = () => undefined;
    const action = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const { result } = renderHook(() => useAction(action));
    let first: Promise<boolean> = Promise.resolve(false);
    let second: Promise<boolean> = Promise.resolve(false);
    act(() => {
      first = result.current.run();
      second = result.current.run();
    });
    expect(result.current.pending).toBe(true);
    expect(await second).toBe(false);
    await act(async () => release());
    expect(await first).toBe(true);
    expect(action).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('shows the refusal in Chinese; anything that is not a typed error reads as the generic one', async () => {
    const { result } = renderHook(() => useAction(() => Promise.reject(new ApiError('RATE.LIMITED'))));
    await act(async () => {
      expect(await result.current.run()).toBe(false);
    });
    expect(result.current.error).toBe(new ApiError('RATE.LIMITED').message);
    const other = renderHook(() => useAction(() => Promise.reject(new TypeError('x is undefined'))));
    await act(async () => {
      await other.result.current.run();
    });
    expect(other.result.current.error).toBe(new ApiError('INTERNAL.UNEXPECTED').message);
  });

  it('lets the caller see the typed error first and word it, and set a check’s own message', async () => {
    const seen: string[] = [];
    const { result } = renderHook(() =>
      useAction(
        () => Promise.reject(new ApiError('AUTH.FORBIDDEN')),
        (error) => {
          seen.push(error.code);
          return '你已无权处理这条线索';
        },
      ),
    );
    await act(async () => {
      await result.current.run();
    });
    expect(seen).toEqual(['AUTH.FORBIDDEN']);
    expect(result.current.error).toBe('你已无权处理这条线索');
    act(() => result.current.setError('请填写回复内容'));
    expect(result.current.error).toBe('请填写回复内容');
    // A new run starts clean.
    await act(async () => {
      await result.current.run();
    });
    expect(result.current.error).toBe('你已无权处理这条线索');
  });
});
