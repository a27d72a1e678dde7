import { ERROR_MESSAGES, type ErrorCode } from './error-codes';

export interface ActionError {
  code: ErrorCode;
  message: string;
  /** Which input fields failed, for forms; never contains user data. */
  fields?: string[];
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, fields?: string[], message?: string): { ok: false; error: ActionError } => ({
  ok: false,
  error: { code, message: message ?? ERROR_MESSAGES[code], ...(fields && fields.length ? { fields } : {}) },
});

/** Thrown inside use cases; the action runner turns it into a failed result. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields?: string[];
  constructor(code: ErrorCode, fields?: string[], message?: string) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

export const isDomainError = (e: unknown): e is DomainError =>
  e instanceof Error && (e as { name?: string }).name === 'DomainError' && typeof (e as DomainError).code === 'string';
