import type { ErrorCode } from '../../domain/common/error-code-list';
import { clientErrorMessage } from './client-error-messages';

/**
 * The one error the app sees from the backend, whatever went wrong on the way: programs branch on `code`,
 * people read `message` (Chinese, fit to show as is): the backend's own, else the app's (client-error-messages.ts).
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Input fields that failed validation, for forms. */
  readonly fields?: string[];

  constructor(code: ErrorCode, message?: string, fields?: string[]) {
    super(message && message.trim() ? message : clientErrorMessage(code));
    this.name = 'ApiError';
    this.code = code;
    if (fields && fields.length) this.fields = fields;
  }
}

export const isApiError = (e: unknown): e is ApiError =>
  e instanceof ApiError || (e instanceof Error && e.name === 'ApiError' && typeof (e as ApiError).code === 'string');

/** A screen's own words where the generic message would not say enough. */
export interface ErrorWording {
  /** For these codes of a typed error. */
  codes?: Partial<Record<ErrorCode, string>>;
  /** For anything thrown that is not a typed error. */
  unexpected?: string;
}

/** Whatever a call threw, as an ApiError: the backend's own as it is, anything else as INTERNAL.UNEXPECTED. */
export const toApiError = (e: unknown, wording: ErrorWording = {}): ApiError => {
  if (!isApiError(e)) return new ApiError('INTERNAL.UNEXPECTED', wording.unexpected);
  const message = wording.codes?.[e.code];
  return message ? new ApiError(e.code, message, e.fields) : e;
};
