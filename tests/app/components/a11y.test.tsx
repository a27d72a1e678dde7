import { fireEvent, render, screen } from '@testing-library/react';
import { pressable, tappable } from '../../../src/components/a11y';
import { ActionButton } from '../../../src/components/action-button';
import { ConsentCheck } from '../../../src/components/consent-check';
import { Segmented } from '../../../src/components/segmented';
import { TypeTabs } from '../../../src/components/type-tabs';

/**
 * Tappable elements are exposed with a role, take focus and answer Enter and Space as a tap (H5 renders Stencil
 * elements with no role of their own), and say their state (checked, selected).
 */
describe('accessible controls (src/components/a11y)', () => {
  it('gives a tappable element a role, focus and Enter/Space activation, and nothing when there is nothing to press', () => {
    expect(pressable(undefined)).toEqual({});
    const props = tappable({ role: 'link', label: '查看名片' });
    expect(props).toMatchObject({ role: 'link', tabIndex: 0, 'aria-label': '查看名片' });
    const click = jest.fn();
    const preventDefault = jest.fn();
    props.onKeyDown({ key: 'Enter', preventDefault, currentTarget: { click } });
    props.onKeyDown({ key: ' ', preventDefault, currentTarget: { click } });
    props.onKeyDown({ key: 'a', preventDefault, currentTarget: { click } });
    props.onKeyDown({ key: 'Tab', preventDefault, currentTarget: { click } });
    expect(click).toHaveBeenCalledTimes(2);
    expect(preventDefault).toHaveBeenCalledTimes(2);
  });

  it('the sort control is a radio group: the active option is checked, Enter on another chooses it', () => {
    const onChange = jest.fn();
    render(<Segmented testId="sort" options={[{ key: 'vacancy', label: '空置面积' }, { key: 'price', label: '价格' }]} active="vacancy" onChange={onChange} />);
    expect(screen.getByRole('radiogroup')).toBeTruthy();
    const [vacancy, price] = screen.getAllByRole('radio');
    expect(vacancy.getAttribute('aria-checked')).toBe('true');
    expect(price.getAttribute('aria-checked')).toBe('false');
    expect(price.tabIndex).toBe(0);
    fireEvent.keyDown(price, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('price');
  });

  it('the type tabs are tabs in a tab list: selected state, Space changes the tab', () => {
    const onChange = jest.fn();
    render(<TypeTabs tabs={[{ key: 'all', label: '全部' }, { key: 'factory', label: '厂房' }]} active="all" onChange={onChange} />);
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('载体类型');
    const factory = screen.getByRole('tab', { name: '厂房' });
    expect(factory.getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('tab', { name: '全部' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(factory, { key: ' ' });
    expect(onChange).toHaveBeenCalledWith('factory');
  });

  it('the consent box is a named checkbox that Space ticks', () => {
    const onToggle = jest.fn();
    const { rerender } = render(<ConsentCheck checked={false} noticeTitle="个人信息保护说明" onToggle={onToggle} onOpenNotice={() => undefined} />);
    const box = screen.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' });
    expect(box.getAttribute('aria-checked')).toBe('false');
    fireEvent.keyDown(box, { key: ' ' });
    expect(onToggle).toHaveBeenCalledTimes(1);
    rerender(<ConsentCheck checked noticeTitle="个人信息保护说明" onToggle={onToggle} onOpenNotice={() => undefined} />);
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('link', { name: '《个人信息保护说明》' })).toBeTruthy();
  });

  it('a button answers Enter, but not while it is busy', () => {
    const onClick = jest.fn();
    const { rerender } = render(<ActionButton text="提交咨询" onClick={onClick} testId="submit" />);
    fireEvent.keyDown(screen.getByRole('button', { name: '提交咨询' }), { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(<ActionButton text="提交咨询" loading onClick={onClick} testId="submit" />);
    const busy = screen.getByRole('button', { name: '提交咨询' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    fireEvent.keyDown(busy, { key: 'Enter' });
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
