import type { SetDataRecord } from './mini-program';
import type { RenderedPage } from './wxml-renderer';
import { AUDIT_LIMITS } from './wechat-rules';

/** One page's first render, in the figures WeChat's audits look at. */
export interface RenderFigures {
  page: string;
  setDataCalls: number;
  setDataBytes: number;
  largestSetDataBytes: number;
  nodes: number;
  depth: number;
}

export const renderFigures = (page: string, log: readonly SetDataRecord[], rendered: RenderedPage): RenderFigures => ({
  page,
  setDataCalls: log.length,
  setDataBytes: log.reduce((sum, r) => sum + r.bytes, 0),
  largestSetDataBytes: log.reduce((max, r) => Math.max(max, r.bytes), 0),
  nodes: rendered.nodes,
  depth: rendered.depth,
});

/** What WeChat's audit would flag in these figures (empty when within ≤ 256 KB per setData, < 1000 nodes, depth < 30). */
export const auditFindings = (f: RenderFigures): string[] => [
  ...(f.largestSetDataBytes > AUDIT_LIMITS.setDataBytes ? [`${f.page}: a setData of ${f.largestSetDataBytes} B exceeds 256 KB`] : []),
  ...(f.nodes >= AUDIT_LIMITS.nodes ? [`${f.page}: ${f.nodes} WXML nodes (must be < 1000)`] : []),
  ...(f.depth >= AUDIT_LIMITS.depth ? [`${f.page}: nesting depth ${f.depth} (must be < 30)`] : []),
];
