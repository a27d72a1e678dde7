/**
 * Small React stand-ins for @tarojs/components (mapped in jest.config.js). They render plain DOM so tests can
 * query by text, class and test id the way e2e does against the H5 build; Taro-only props are dropped.
 */
import { createElement, type CSSProperties, type ReactNode } from 'react';

type Handler = (event: unknown) => void;
interface StandInProps {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties | string;
  id?: string;
  onClick?: Handler;
  [prop: string]: unknown;
}

/** Keeps what a DOM element understands: class, inline style objects, id, click and data-/aria- attributes. */
const domProps = (props: StandInProps): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  if (props.className) out.className = props.className;
  if (props.style && typeof props.style === 'object') out.style = props.style;
  if (props.id) out.id = props.id;
  if (props.onClick) out.onClick = props.onClick;
  // Role, focus and keys (src/components/a11y): what a screen reader and a keyboard get.
  if (typeof props.role === 'string') out.role = props.role;
  if (typeof props.tabIndex === 'number') out.tabIndex = props.tabIndex;
  if (typeof props.onKeyDown === 'function') out.onKeyDown = props.onKeyDown;
  // The content's language (Chinese content on an English page): Taro's H5 Text passes it to the span too.
  if (typeof props.lang === 'string') out.lang = props.lang;
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('data-') || key.startsWith('aria-')) out[key] = value;
  }
  return out;
};

const container = (tag: string, displayName: string) => {
  const Component = (props: StandInProps) => createElement(tag, domProps(props), props.children);
  Component.displayName = displayName;
  return Component;
};

export const View = container('div', 'View');
export const Text = container('span', 'Text');
export const ScrollView = container('div', 'ScrollView');
export const Swiper = container('div', 'Swiper');
export const SwiperItem = container('div', 'SwiperItem');
export const Block = container('div', 'Block');
export const Label = container('label', 'Label');
export const Form = container('form', 'Form');
export const RichText = container('div', 'RichText');
export const Canvas = container('canvas', 'Canvas');

export const Image = (props: StandInProps & { src?: string; onError?: Handler; onLoad?: Handler }) =>
  createElement('img', { ...domProps(props), src: props.src, alt: '', onError: props.onError, onLoad: props.onLoad });

export const Button = (props: StandInProps & { disabled?: boolean }) =>
  createElement('button', { ...domProps(props), type: 'button', disabled: props.disabled }, props.children);

export const Navigator = (props: StandInProps & { url?: string }) => createElement('a', { ...domProps(props), href: props.url }, props.children);

/** Taro text inputs report `{detail: {value}}`; the stand-ins do the same. */
const textInput = (tag: 'input' | 'textarea', displayName: string) => {
  const Component = (
    props: StandInProps & { value?: string; placeholder?: string; maxlength?: number; disabled?: boolean; onInput?: Handler; onBlur?: Handler; onConfirm?: Handler },
  ) =>
    createElement(tag, {
      ...domProps(props),
      value: props.value ?? '',
      placeholder: props.placeholder,
      maxLength: props.maxlength,
      disabled: props.disabled,
      onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
      onBlur: (e: { target: { value: string } }) => props.onBlur?.({ detail: { value: e.target.value } }),
    });
  Component.displayName = displayName;
  return Component;
};

export const Input = textInput('input', 'Input');
export const Textarea = textInput('textarea', 'Textarea');

export const Checkbox = (props: StandInProps & { checked?: boolean; value?: string }) =>
  createElement('input', { ...domProps(props), type: 'checkbox', checked: Boolean(props.checked), value: props.value, readOnly: true });

export const Switch = (props: StandInProps & { checked?: boolean; onChange?: Handler }) =>
  createElement('input', {
    ...domProps(props),
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(props.checked),
    onChange: (e: { target: { checked: boolean } }) => props.onChange?.({ detail: { value: e.target.checked } }),
  });
