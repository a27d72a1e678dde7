import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERROR_CODES, isErrorCode } from '../../../domain/common/error-code-list';
import { ERROR_MESSAGES } from '../../../domain/common/error-codes';
import { ApiError } from '../../../src/services/api-client';
import { CLIENT_ERROR_MESSAGES, clientErrorMessage } from '../../../src/services/client-error-messages';

const SRC = join(__dirname, '../../../src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });

describe('the app’s own error texts (src/services/client-error-messages.ts, #12)', () => {
  it('are the backend’s wording, word for word', () => {
    const entries = Object.entries(CLIENT_ERROR_MESSAGES);
    expect(entries.length).toBeGreaterThan(0);
    for (const [code, text] of entries) {
      expect(isErrorCode(code)).toBe(true);
      expect(text).toBe(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES]);
    }
  });

  it('cover every code the app raises without words of its own', () => {
    // `new ApiError('CODE')` or `new ApiError('CODE', undefined, …)`: the message comes from the app's table.
    const bare = /new ApiError\('([A-Z_]+\.[A-Z_]+)'(?:\)|, undefined\b)/g;
    const raised = new Map<string, string>();
    for (const file of sourceFiles(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(bare)) raised.set(m[1] as string, relative(SRC, file));
    }
    expect(raised.size).toBeGreaterThan(3);
    const missing = [...raised].filter(([code]) => !(code in CLIENT_ERROR_MESSAGES)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('give every other code INTERNAL.UNEXPECTED’s words, and ApiError the backend’s message first', () => {
    expect(clientErrorMessage('CARD.NOT_FOUND')).toBe(ERROR_MESSAGES['CARD.NOT_FOUND']);
    expect(clientErrorMessage('REPORT.BULLETIN_NOT_FOUND')).toBe(ERROR_MESSAGES['INTERNAL.UNEXPECTED']);
    expect(new ApiError('REPORT.BULLETIN_NOT_FOUND').message).toBe(ERROR_MESSAGES['INTERNAL.UNEXPECTED']);
    expect(new ApiError('REPORT.BULLETIN_NOT_FOUND', ERROR_MESSAGES['REPORT.BULLETIN_NOT_FOUND']).message).toBe('未找到这期通报');
  });

  it('leave the code list and the message table in step', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
