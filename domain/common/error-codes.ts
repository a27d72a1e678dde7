/**
 * Stable error codes (`AREA.REASON`) with the Chinese message a user may see.
 * Programs branch on `code`; people read `message`.
 */
export const ERROR_MESSAGES = {
  'VALIDATION.INVALID_INPUT': '提交的内容格式不正确，请检查后重试',
  'ACTION.UNKNOWN': '不支持的操作',
  'AUTH.SIGN_IN_REQUIRED': '请在小程序中打开后再操作',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'AUTH.STAFF_REVOKED': '您的工作人员账号已停用',
  'AUTH.INVITE_INVALID': '邀请码无效或已被使用',
  'DISTRICT.NOT_FOUND': '未找到该区域的招商名片',
  'CARD.NOT_FOUND': '未找到该名片，可能已下线',
  'CARRIER.NOT_FOUND': '未找到该载体，可能已下线',
  'STAFF.NOT_FOUND': '未找到该工作人员',
  'UNIT.NOT_FOUND': '未找到该单位',
  'SHARE.NOT_FOUND': '分享链接无效或已过期',
  'LEAD.NOT_FOUND': '未找到该咨询',
  'LEAD.CONSENT_REQUIRED': '请先阅读并同意《个人信息保护说明》',
  'LEAD.IDEMPOTENCY_CONFLICT': '这条咨询已提交过，内容不能再修改',
  'LEAD.INVALID_TRANSITION': '当前状态下不能进行该操作',
  'LEAD.CONCURRENT_UPDATE': '该咨询刚被他人更新，请刷新后重试',
  'LEAD.INVALID_PHONE': '请填写正确的手机号或固定电话',
  'RATE.LIMITED': '提交过于频繁，请稍后再试',
  'CONTENT.REJECTED': '内容包含不适宜发布的信息，请修改后再提交',
  'STORE.BUSY': '系统繁忙，请稍后重试',
  'STORE.UNAVAILABLE': '数据服务暂时不可用，请稍后重试',
  'NETWORK.FAILED': '网络连接失败，请检查网络后重试',
  'INTERNAL.UNEXPECTED': '系统开小差了，请稍后重试',
  'HTTP.BAD_REQUEST': '请求无法识别，请刷新页面后重试',
  'HTTP.NOT_FOUND': '未找到该地址',
  'HTTP.METHOD_NOT_ALLOWED': '不支持该请求方式',
  'HTTP.PAYLOAD_TOO_LARGE': '提交的内容过大，请精简后重试',
  'HTTP.HEADERS_TOO_LARGE': '请求信息过大，请清理浏览器数据后重试',
  'HTTP.TIMEOUT': '请求超时，请检查网络后重试',
  'CONFIG.ANALYTICS_SECRET_MISSING': '服务尚未配置完成，请联系管理员',
  'LEAD.CREDIT_CODE_MALFORMED': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
  'LEAD.STAGE_NOT_REACHED': '该咨询尚未进入这一阶段，不能确认',
  'LEAD.STAGE_ALREADY_CONFIRMED': '该阶段已由投资促进局确认过',
  'LEAD.SELF_CONFIRMATION': '不能确认自己登记的阶段，请由投资促进局其他同事确认',
  'REPORT.PERIOD_INVALID': '统计周期不正确：请选择有效的旬、月、季、半年、年，或不超过 366 天的日期范围',
  'LEAD.CONFIRM_DATE_INVALID': '确认日期不能晚于今天，也不能早于咨询提交之日',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
