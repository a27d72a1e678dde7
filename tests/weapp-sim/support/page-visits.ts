import { DEMO, OPENIDS } from './sim-world';

/**
 * How each page of the build is opened for real: as whom (investor pages as an investor, staff pages as staff,
 * share pages as a commissioner), with which query, and text on screen that only real data from the functions
 * can put there. A page in app.json without a row here fails the suite.
 */
export interface PageVisit {
  openid: string;
  query: Record<string, string>;
  expectText: string[];
}

export const pageVisits = (seeded: { leadId: string; vacancyToken: string }): Record<string, PageVisit> => ({
  'pages/card/index': { openid: OPENIDS.investorA, query: { cardId: DEMO.headCardId }, expectText: ['云川市临江区（演示）', '林致远', '13800138001', '临江金融中心'] },
  'inquiry/lead-form/index': { openid: OPENIDS.investorA, query: { cardId: DEMO.headCardId }, expectText: ['林致远', '提交咨询', '8 个工作小时'] },
  'inquiry/my-leads/index': { openid: OPENIDS.investorA, query: { cardId: DEMO.headCardId }, expectText: ['想了解孵化器的入驻政策', '对接专员 林致远'] },
  'pages/carriers/index': { openid: OPENIDS.investorA, query: { districtId: DEMO.districtId }, expectText: ['可租售', '空置面积核实于'] },
  'pages/carrier-detail/index': { openid: OPENIDS.investorA, query: { carrierId: DEMO.carrierId }, expectText: [DEMO.carrierName] },
  'inquiry/directory/index': { openid: OPENIDS.investorA, query: { districtId: DEMO.districtId }, expectText: ['周若岚', '赵一鸣', '临江区投资促进局'] },
  'staff/inbox/index': { openid: OPENIDS.head, query: {}, expectText: ['林致远', '云帆智能科技'] },
  'staff/lead-detail/index': { openid: OPENIDS.head, query: { leadId: seeded.leadId }, expectText: ['云帆智能科技', '想了解孵化器的入驻政策'] },
  'staff/bind/index': { openid: OPENIDS.newcomer, query: {}, expectText: ['绑定工作人员账号', '邀请码'] },
  // The seed holds no 活动: the list's empty state and its way on prove the page read the functions.
  'staff/events/index': { openid: OPENIDS.commissioner, query: {}, expectText: ['还没有活动', '新建活动'] },
  // An unknown event id: the page's own dead end, reached through a real event.list answer.
  'staff/events/mode/index': { openid: OPENIDS.commissioner, query: { id: 'evt_sim_unknown' }, expectText: ['未找到该活动', '返回活动列表'] },
  'share/my-card/index': { openid: OPENIDS.commissioner, query: {}, expectText: ['周若岚', '13800138002'] },
  'share/poster/index': { openid: OPENIDS.commissioner, query: { cardId: DEMO.commissionerCardId }, expectText: ['保存到相册'] },
  'share/stats/index': { openid: OPENIDS.commissioner, query: {}, expectText: ['我的名片数据', '浏览次数'] },
  'admin/home/index': { openid: OPENIDS.admin, query: {}, expectText: ['区域介绍', '个单位'] },
  'admin/district/index': { openid: OPENIDS.admin, query: {}, expectText: ['云川市临江区（演示）'] },
  'admin/org/index': { openid: OPENIDS.admin, query: {}, expectText: ['临江区投资促进局'] },
  'admin/staff/index': { openid: OPENIDS.admin, query: {}, expectText: ['周若岚'] },
  'admin/carriers/index': { openid: OPENIDS.admin, query: {}, expectText: [DEMO.carrierName] },
  // The editor shows the carrier in its inputs, which render no text: its labels prove the page and its form loaded.
  'admin/carrier-edit/index': { openid: OPENIDS.admin, query: { carrierId: DEMO.carrierId }, expectText: ['保存即视为已核实', '价格单位'] },
  'admin/carrier-import/index': { openid: OPENIDS.admin, query: {}, expectText: ['模板'] },
  'admin/vacancy/index': { openid: OPENIDS.investorB, query: { t: seeded.vacancyToken }, expectText: [DEMO.carrierName] },
  'admin/audit/index': { openid: OPENIDS.admin, query: {}, expectText: ['许安然'] },
  'admin/privacy/index': { openid: OPENIDS.admin, query: {}, expectText: ['个人信息请求', '日内答复'] },
  'admin/calendar/index': { openid: OPENIDS.admin, query: { year: '2026' }, expectText: ['2026 年工作日历', '2026-10-01'] },
  'reports/dashboard/index': { openid: OPENIDS.investLeader, query: {}, expectText: ['临江区投资促进局'] },
  'reports/leads/index': { openid: OPENIDS.investLeader, query: { scope: 'unit', kind: 'month', filter: 'all' }, expectText: ['云帆智能科技'] },
  'reports/arena/index': { openid: OPENIDS.investLeader, query: {}, expectText: ['临江区投资促进局'] },
  'reports/bulletins/index': { openid: OPENIDS.investLeader, query: {}, expectText: ['每月招商通报'] },
  'admin/staff-import/index': { openid: OPENIDS.admin, query: {}, expectText: ['导入人员', '下载模板'] },
  'reports/heatmap/index': { openid: OPENIDS.investLeader, query: {}, expectText: ['招商热力图'] },
});
