import { act, renderHook } from '@testing-library/react';
import * as Taro from '../support/taro-mock';
import { clearDraft, readDraft, useDraft, writeDraft } from '../../../src/hooks/use-draft';

const stored = new Map<string, unknown>();
const asText = { parse: (raw: unknown) => (typeof raw === 'string' ? raw : null), isEmpty: (s: string) => !s.trim() };

beforeEach(() => {
  stored.clear();
  Taro.getStorageSync.mockImplementation(((key: string) => (stored.has(key) ? stored.get(key) : '')) as () => '');
  Taro.setStorageSync.mockImplementation((key: string, value: unknown) => {
    if (value === '') stored.delete(key);
    else stored.set(key, value);
  });
});
afterEach(() => {
  Taro.getStorageSync.mockImplementation(() => '');
  Taro.setStorageSync.mockImplementation(() => undefined);
});

describe('form drafts on the device', () => {
  it('starts from the stored draft, writes every change, and removes it when emptied or cleared', () => {
    writeDraft('reply:l1', '您好');
    const { result } = renderHook(() => useDraft('reply:l1', () => '', asText));
    expect(result.current[0]).toBe('您好');
    expect(result.current[2].restored).toBe(true);
    act(() => result.current[1]('您好，周三见'));
    expect(readDraft('reply:l1', asText.parse)).toBe('您好，周三见');
    act(() => result.current[1]('  '));
    expect(readDraft('reply:l1', asText.parse)).toBeNull();
    act(() => result.current[1]('再写一句'));
    act(() => result.current[2].clear());
    expect(readDraft('reply:l1', asText.parse)).toBeNull();
  });

  it('keeps nothing without a key, and drops what its parser refuses', () => {
    const { result } = renderHook(() => useDraft(null, () => 'x', asText));
    act(() => result.current[1]('typed'));
    expect(stored.size).toBe(0);
    stored.set('investcard.draft:n', JSON.stringify(42));
    expect(readDraft('n', asText.parse)).toBeNull();
    stored.set('investcard.draft:broken', '{not json');
    expect(readDraft('broken', asText.parse)).toBeNull();
  });

  it('a full or unavailable storage never breaks the form', () => {
    Taro.setStorageSync.mockImplementation(() => {
      throw new Error('setStorageSync:fail exceed storage max size 10MB');
    });
    Taro.getStorageSync.mockImplementation(() => {
      throw new Error('getStorageSync:fail');
    });
    const { result } = renderHook(() => useDraft('lead-form:direct', () => '', asText));
    act(() => result.current[1]('郑晓川'));
    expect(result.current[0]).toBe('郑晓川');
    expect(() => clearDraft('lead-form:direct')).not.toThrow();
  });
});
