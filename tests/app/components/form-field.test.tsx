import { Input, Textarea, View } from '@tarojs/components';
import { isValidElement, type ReactNode } from 'react';
import { namedControls } from '../../../src/components/form-field';

/** The props of the controls FormField puts in its control slot (`namedControls`, what FormField renders there). */
const controlsOf = (field: ReactNode): Array<Record<string, unknown>> => {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: ReactNode) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isValidElement<{ children?: ReactNode; className?: string }>(node)) return;
    if (node.type === Input || node.type === Textarea || (node.type === View && node.props.className === 'probe')) found.push(node.props as Record<string, unknown>);
    walk(node.props.children);
  };
  walk(field);
  return found;
};

describe('FormField names the text control it holds', () => {
  it('gives an input or textarea the field’s label, on the native control (H5) and as aria-label (weapp), keeping its own native props', () => {
    const field = namedControls(<Input value="x" nativeProps={{ inputMode: 'text' }} />, '载体名称');
    expect(controlsOf(field)).toEqual([expect.objectContaining({ ariaLabel: '载体名称', nativeProps: { inputMode: 'text', 'aria-label': '载体名称' } })]);
    const area = namedControls(<Textarea value="" />, '简介');
    expect(controlsOf(area)).toEqual([expect.objectContaining({ ariaLabel: '简介', nativeProps: { 'aria-label': '简介' } })]);
  });

  it('leaves a control that names itself, and other children, as they are', () => {
    const own = namedControls(<Input value="" ariaLabel="姓名（必填）" nativeProps={{ 'aria-label': '姓名（必填）' }} />, '姓名');
    expect(controlsOf(own)).toEqual([expect.objectContaining({ ariaLabel: '姓名（必填）', nativeProps: { 'aria-label': '姓名（必填）' } })]);
    const other = namedControls(<View className="probe" />, '类型');
    expect(controlsOf(other)).toEqual([{ className: 'probe' }]);
  });
});
