/**
 * Demo identities of the local cloud. The H5 app sends one per request in the persona header; the server
 * turns it into `ctx.openid` for that request only. Cloud functions never see this file.
 */
export interface Persona {
  id: string;
  label: string;
  kind: 'anonymous' | 'investor' | 'staff';
  openid: string | null;
}

export const PERSONAS: readonly Persona[] = [
  { id: 'visitor', label: '访客（朋友圈单页 / 网页，未登录）', kind: 'anonymous', openid: null },
  { id: 'investor', label: '投资者 A', kind: 'investor', openid: 'demo-openid-investor-a' },
  { id: 'investor-b', label: '投资者 B', kind: 'investor', openid: 'demo-openid-investor-b' },
  { id: 'head', label: '林致远 · 区长（招商专员）', kind: 'staff', openid: 'demo-openid-head' },
  { id: 'commissioner', label: '周若岚 · 投资促进局招商专员', kind: 'staff', openid: 'demo-openid-commissioner' },
  { id: 'invest-leader', label: '陈启航 · 投资促进局局长', kind: 'staff', openid: 'demo-openid-invest-leader' },
  { id: 'tech-staff', label: '王书恒 · 科技局', kind: 'staff', openid: 'demo-openid-tech' },
  { id: 'commerce-staff', label: '赵一鸣 · 商务局', kind: 'staff', openid: 'demo-openid-commerce' },
  { id: 'edu-head', label: '孙明澈 · 教育局局长', kind: 'staff', openid: 'demo-openid-edu' },
  { id: 'admin', label: '许安然 · 管理员', kind: 'staff', openid: 'demo-openid-admin' },
  { id: 'wangshan-admin', label: '叶清岚 · 望山区管理员（第二个区）', kind: 'staff', openid: 'demo-openid-wangshan-admin' },
  { id: 'city-admin', label: '陆明远 · 市级管理员（只读各区）', kind: 'staff', openid: 'demo-openid-city-admin' },
  { id: 'carrier-manager', label: '沈观澜 · 载体管理员（南岭工业坊）', kind: 'staff', openid: 'demo-openid-carrier-manager' },
];

export const DEFAULT_PERSONA_ID = 'visitor';

/**
 * Besides the fixed personas, `guest-<id>` is an ad-hoc investor (load tests, a second browser in e2e);
 * each id is its own identity.
 */
export const findPersona = (id: string): Persona | undefined => {
  const fixed = PERSONAS.find((p) => p.id === id);
  if (fixed) return fixed;
  const guest = /^guest-([A-Za-z0-9_-]{1,32})$/.exec(id);
  return guest ? { id, label: `访客投资者 ${guest[1]}`, kind: 'investor', openid: `demo-openid-guest-${guest[1]}` } : undefined;
};
