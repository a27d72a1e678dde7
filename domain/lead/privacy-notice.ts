/** The privacy notice an investor agrees to before an inquiry is stored. Bump the district's version when it changes. */
export const privacyNoticeText = (districtName: string, promiseHours: number): string =>
  [
    `处理者：${districtName}投资促进部门及其委托的招商工作人员。`,
    '处理目的：仅用于回复您的投资咨询、安排考察和跟进项目落地，不用于任何其他营销。',
    '处理的信息：您填写的姓名、单位、联系方式、投资需求与留言，以及您进入的名片或分享来源。',
    `回复承诺：我们将在 ${promiseHours} 个工作小时内回复。工作人员查看您的完整联系方式时会留下记录。`,
    '保存期限：咨询结束后保存 2 年，期满删除或匿名化；法律法规另有规定的除外。',
    '您的权利：您可以随时查询、更正或要求删除您的信息，或撤回同意，请联系名片上的招商专员。',
  ].join('\n');
