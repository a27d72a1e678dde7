import type { ErrorCode } from '../../domain/common/error-code-list';

/**
 * The texts the app itself puts on an error: the codes it raises on its own (a request invalid before it is sent,
 * no network, an answer it cannot read, a page opened without its id) and the transient ones a screen retries.
 * Every failed result from the backend carries its own message (domain's ERROR_MESSAGES, the same wording, a test
 * keeps them equal), so the main package does not load the backend's whole table (#12). A code without a text
 * here, sent without a message, reads as INTERNAL.UNEXPECTED's.
 */
export const CLIENT_ERROR_MESSAGES = {
  'VALIDATION.INVALID_INPUT': '提交的内容格式不正确，请检查后重试',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'DISTRICT.NOT_FOUND': '未找到该区域的招商名片',
  'CARD.NOT_FOUND': '未找到该名片，可能已下线',
  'CARRIER.NOT_FOUND': '未找到该载体，可能已下线',
  'LEAD.NOT_FOUND': '未找到该咨询',
  'RATE.LIMITED': '提交过于频繁，请稍后再试',
  'STORE.BUSY': '系统繁忙，请稍后重试',
  'STORE.UNAVAILABLE': '数据服务暂时不可用，请稍后重试',
  'NETWORK.FAILED': '网络连接失败，请检查网络后重试',
  'INTERNAL.UNEXPECTED': '系统开小差了，请稍后重试',
} as const satisfies Partial<Record<ErrorCode, string>>;

const TEXTS: Partial<Record<ErrorCode, string>> = CLIENT_ERROR_MESSAGES;

/** The app's text for a code: its own when it has one, else the generic INTERNAL.UNEXPECTED wording. */
export const clientErrorMessage = (code: ErrorCode): string => TEXTS[code] ?? CLIENT_ERROR_MESSAGES['INTERNAL.UNEXPECTED'];
