import { DEFAULT_PRIVACY_SETTINGS, retentionLabel, type PrivacySettings } from '../privacy/privacy-settings';

/**
 * The privacy notice an investor agrees to before an inquiry is stored. Bump the district's version when it changes.
 * The periods it states are the district's settings the backend keeps (answer period, retention timer).
 */
export const privacyNoticeText = (districtName: string, promiseHours: number, privacy: PrivacySettings = DEFAULT_PRIVACY_SETTINGS): string =>
  [
    `处理者：${districtName}投资促进部门及其委托的招商工作人员。`,
    '处理目的：仅用于回复您的投资咨询、安排考察和跟进项目落地，不用于任何其他营销。',
    '处理的信息：您填写的姓名、单位、联系方式、投资需求与留言，以及您进入的名片或分享来源。',
    `回复承诺：我们将在 ${promiseHours} 个工作小时内回复。工作人员查看您的完整联系方式时会留下记录。`,
    `保存期限：咨询结束（落地或无效）后保存 ${retentionLabel(privacy.retentionDays)}，期满自动匿名化：姓名、电话、邮箱、微信号和留言被删除，与您微信身份的关联被解除，只保留不含个人信息的统计数据（如行业、阶段、日期）；法律法规另有规定的除外。`,
    '撤回同意：您可以随时在「我的咨询」中撤回同意，撤回后工作人员不再联系您、不再向您发送通知，也不能再查看您的联系方式；撤回不影响此前已进行的处理。',
    `删除个人信息：您可以在「我的咨询」中要求删除某一条或全部咨询的个人信息，我们将在 ${privacy.answerDays} 日内处理并在该页面告知结果；删除后的统计数据不含个人信息。`,
    '其他权利：您也可以查询、更正您的信息，请联系名片上的招商专员。',
  ].join('\n');
