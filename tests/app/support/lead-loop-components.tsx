/**
 * The shared component stand-ins plus a Picker: a native <select> carrying the range, raising Taro's
 * `{detail: {value: index}}` on change, around the picker's visible content. Test files opt in with
 * `jest.mock('@tarojs/components', () => require('../support/lead-loop-components'))`.
 */
import { createElement, type ReactNode } from 'react';

const shared = jest.requireActual<typeof import('./taro-components')>('./taro-components');

export const { View, Text, ScrollView, Swiper, SwiperItem, Block, Label, Form, RichText, Image, Button, Navigator, Input, Textarea, Checkbox, Switch } = shared;

interface PickerProps {
  range?: readonly string[];
  value?: number;
  onChange?: (event: { detail: { value: number } }) => void;
  children?: ReactNode;
}

export const Picker = ({ range = [], value = 0, onChange, children }: PickerProps) =>
  createElement(
    'div',
    { 'data-picker': 'true' },
    children,
    createElement(
      'select',
      { 'aria-label': 'picker', value: String(value), onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: Number(e.target.value) } }) },
      range.map((label, i) => createElement('option', { key: label, value: String(i) }, label)),
    ),
  );
