import { Text, View } from '@tarojs/components';
import { useText } from '../../i18n/text-context';
import type { ReactNode } from 'react';
import './index.css';

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
      <View className="form-field__control">{children}</View>
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
