import { Text, View } from '@tarojs/components';
import type { ApiError } from '../../services/api-client';
import { CardSkeleton } from '../../components/card-skeleton';
import { DeadEndState, type DeadEndWay } from '../../components/dead-end-state';
import { ErrorState } from '../../components/error-state';
import { PAGE_HEADING } from '../../components/a11y';
import { clientErrorMessage } from '../../services/client-error-messages';
import { useText } from '../../i18n/text-context';

export interface CardStatusScreenProps {
  /** Loading shows the skeleton; otherwise the error, with the ways on when the card does not exist. */
  loading: boolean;
  error: ApiError | null;
  onWay: (way: DeadEndWay) => void;
  onRetry: () => void;
}

/** The card page before it has a card: the skeleton, a dead end that leads on, or an error with retry. */
export function CardStatusScreen({ loading, error, onWay, onRetry }: CardStatusScreenProps) {
  const t = useText();
  const message = t.errorMessage(error?.code ?? 'INTERNAL.UNEXPECTED', error?.message ?? clientErrorMessage('INTERNAL.UNEXPECTED'));
  return (
    <View className="card-page" role="main">
      <Text className="visually-hidden" {...PAGE_HEADING}>
        {t.appName}
      </Text>
      {loading ? <CardSkeleton /> : error?.code === 'CARD.NOT_FOUND' ? <DeadEndState message={message} onWay={onWay} /> : <ErrorState message={message} onRetry={onRetry} />}
    </View>
  );
}
