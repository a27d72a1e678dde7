import { Text } from '@tarojs/components';
import type { CardField, FieldErrors } from '../card-form';

/** A field's message under it, when the field has one. */
export function FieldError({ field, errors }: { field: CardField; errors: FieldErrors }) {
  const message = errors[field];
  return message ? (
    <Text className="my-card__error" data-testid={`error-${field}`}>
      {message}
    </Text>
  ) : null;
}
