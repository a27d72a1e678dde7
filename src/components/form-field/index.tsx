import { Input, Text, Textarea, View } from '@tarojs/components';
import { Children, cloneElement, isValidElement, type ReactNode } from 'react';
import { controlLabel } from '../a11y';
import { useText } from '../../i18n/text-context';
import './index.css';

/**
 * A text control placed directly in the field is named by the field's label (H5: on the native input inside
 * Taro's element; weapp: aria-label), unless it names itself. Other children (chips, pickers) carry their own.
 */
export const namedControls = (children: ReactNode, label: string): ReactNode =>
  Children.map(children, (child) => {
    if (!isValidElement<{ ariaLabel?: string; nativeProps?: Record<string, unknown> }>(child) || (child.type !== Input && child.type !== Textarea) || child.props.ariaLabel) return child;
    const named = controlLabel(label);
    return cloneElement(child, { ariaLabel: named.ariaLabel, nativeProps: { ...child.props.nativeProps, ...named.nativeProps } });
  });

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** Quiet guidance under the control; replaced by the error when there is one. */
  hint?: ReactNode;
  error?: string;
  testId?: string;
  children: ReactNode;
}

/** One labelled form row: label, control, then either its hint or its error in Chinese. */
export function FormField({ label, required = false, hint, error, testId, children }: FormFieldProps) {
  const t = useText();
  return (
    <View className={error ? 'form-field form-field--error' : 'form-field'} data-testid={testId}>
      <View className="form-field__label-row">
        <Text className="form-field__label">{label}</Text>
        {required ? <Text className="form-field__required">*</Text> : <Text className="form-field__optional">{t.optional}</Text>}
      </View>
      <View className="form-field__control">{namedControls(children, label)}</View>
      {error ? (
        <Text className="form-field__error" data-testid={testId ? `${testId}-error` : undefined} aria-live="polite">
          {error}
        </Text>
      ) : hint ? (
        <View className="form-field__hint">{hint}</View>
      ) : null}
    </View>
  );
}
