/** Chinese names of the office's enumerations, shared by its pages. */
export const UNIT_KIND_LABELS: Record<string, string> = {
  investment_bureau: '投资促进局',
  economic_department: '经济部门',
  street: '街道',
  park: '园区',
  non_economic_department: '非经济部门',
};

export const ROLE_LABELS: Record<string, string> = {
  commissioner: '招商专员',
  staff: '工作人员',
  unit_leader: '单位负责人',
  admin: '区管理员',
  city_admin: '市级管理员',
  carrier_manager: '载体管理人',
};

export const STATUS_LABELS: Record<string, string> = { invited: '待绑定', active: '在岗', revoked: '已停用' };

export const AUDIT_LABELS: Record<string, string> = {
  'privacy.consent_withdrawn': '投资者撤回同意',
  'privacy.erase_requested': '投资者要求删除信息',
  'privacy.answer': '答复个人信息请求',
  'privacy.settings': '修改个人信息答复期限与保存期限',
  'lead.anonymise': '咨询个人信息匿名化',
  'notification.drop': '撤回同意后停止发送通知',
  'district.update': '修改区域介绍',
  'district.sla': '修改响应时限',
  'carrier.import': '导入载体',
  'staff.import': '导入人员',
  'staff.update': '修改人员信息',
  'handover.start': '开始人员交接',
  'handover.move': '交接一项工作',
  'unit.create': '新建单位',
  'unit.update': '修改单位',
  'team.create': '新建小组',
  'team.update': '修改小组',
  'rota.set': '调整值班',
  'staff.create': '新建人员',
  'staff.invite_reissue': '重发邀请码',
  'staff.invite_revoke': '作废邀请码',
  'staff.roles': '调整角色',
  'staff.english': '修改英文姓名与职务',
  'staff.revoke': '停用账号',
  'carrier.create': '新建载体',
  'carrier.update': '修改载体',
  'carrier.withdraw': '载体下架',
  'carrier.restore': '载体重新上架',
  'carrier.remind': '发送空置核实提醒',
  'carrier.photo_passed': '照片通过内容安全审核',
  'carrier.photo_refused': '照片未通过内容安全审核',
  'carrier.photo_recheck': '照片审核超时，重新送审',
  'carrier.photo_timed_out': '照片审核超时，已撤下',
  'carrier.vacancy_confirm': '确认空置面积',
  contact_revealed: '查看联系方式',
  'report.export': '导出数据',
};
