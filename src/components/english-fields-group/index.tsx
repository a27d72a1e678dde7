import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { pressable } from '../a11y';
import './index.css';

export interface EnglishFieldsGroupProps {
  /** Open from the start (the English is already filled in). */
  defaultOpen?: boolean;
  testId?: string;
  children: ReactNode;
}

/** «英文内容（可选）»: the English variants of an editor's fields, folded away until someone wants them. */
export function EnglishFieldsGroup({ defaultOpen = false, testId = 'english-fields', children }: EnglishFieldsGroupProps) {
  const [open, setOpen] = useState(defaultOpen);
  const toggle = () => setOpen(!open);
  return (
    <View className="english-fields" data-testid={testId}>
      <View className="english-fields__toggle" data-testid={`${testId}-toggle`} onClick={toggle} {...pressable(toggle)} aria-expanded={open ? 'true' : 'false'}>
        <Text className="english-fields__title">英文内容（可选）</Text>
        <Text className="english-fields__hint">{open ? '收起' : '展开'}</Text>
      </View>
      {open ? (
        <View className="english-fields__body">
          <Text className="english-fields__note">英文页面优先显示这里的内容；留空的项目显示中文，并标注「中文」。</Text>
          {children}
        </View>
      ) : null}
    </View>
  );
}
