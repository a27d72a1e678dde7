import { Input, Textarea, View } from '@tarojs/components';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { FormField } from '../../../src/components/form-field';

/** The props of the control FormField renders in its control slot (FormField is a plain function: no hooks). */
const controlsOf = (field: ReactElement): Array<Record<string, unknown>> => {
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
    const field = FormField({ label: '载体名称', required: true, children: <Input value="x" nativeProps={{ inputMode: 'text' }} /> });
    expect(controlsOf(field)).toEqual([expect.objectContaining({ ariaLabel: '载体名称', nativeProps: { inputMode: 'text', 'aria-label': '载体名称' } })]);
    const area = FormField({ label: '简介', children: <Textarea value="" /> });
    expect(controlsOf(area)).toEqual([expect.objectContaining({ ariaLabel: '简介', nativeProps: { 'aria-label': '简介' } })]);
  });

  it('leaves a control that names itself, and other children, as they are', () => {
    const own = FormField({ label: '姓名', children: <Input value="" ariaLabel="姓名（必填）" nativeProps={{ 'aria-label': '姓名（必填）' }} /> });
    expect(controlsOf(own)).toEqual([expect.objectContaining({ ariaLabel: '姓名（必填）', nativeProps: { 'aria-label': '姓名（必填）' } })]);
    const other = FormField({ label: '类型', children: <View className="probe" /> });
    expect(controlsOf(other)).toEqual([{ className: 'probe' }]);
  });
});
