import { act, renderHook } from '@testing-library/react';
import * as Taro from '../support/taro-mock';
import { clearDraft, formDraftOf, readDraft, useDraft, useEditDraft, writeDraft } from '../../../src/hooks/use-draft';

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

describe('drafts of edit forms that load first (the office)', () => {
  const blank = { name: '', managerStaffId: null as string | null, photos: [] as string[], files: {} as Record<string, string> };

  it('writes nothing until the form is changed, then every change, and clears after the save', () => {
    const { result, rerender } = renderHook(({ value, dirty }) => useEditDraft('admin:carrier:c1', value, dirty), {
      initialProps: { value: null as typeof blank | null, dirty: false },
    });
    rerender({ value: { ...blank, name: '载入的名称' }, dirty: false });
    expect(stored.size).toBe(0);
    rerender({ value: { ...blank, name: '改过的名称' }, dirty: true });
    expect(readDraft('admin:carrier:c1', formDraftOf(blank))).toEqual({ ...blank, name: '改过的名称' });
    act(() => result.current.clear());
    expect(readDraft('admin:carrier:c1', formDraftOf(blank))).toBeNull();
  });

  it('takes back a stored form field by field, with the blank’s kinds, and refuses another shape', () => {
    const parse = formDraftOf(blank);
    expect(parse({ name: '甲', managerStaffId: 'staff_1', photos: ['a.png'] })).toEqual({ ...blank, name: '甲', managerStaffId: 'staff_1', photos: ['a.png'] });
    expect(parse({ name: '甲', managerStaffId: null })).toEqual({ ...blank, name: '甲' });
    expect(parse({ name: 42 })).toBeNull();
    expect(parse({ photos: 'a.png' })).toBeNull();
    expect(parse({ name: '甲', extra: 'x' })).toBeNull();
    expect(parse(['甲'])).toBeNull();
    expect(parse('甲')).toBeNull();
  });
});
