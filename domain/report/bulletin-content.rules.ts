import type { DashboardFigures } from './dashboard.rules';
import type { ExportTable } from './export-table.rules';

/** A unit's line on the month's board. */
export interface BulletinRankLine {
  rank: number;
  name: string;
  score: number;
}

/** A project the bureau confirmed as signed in the month. */
export interface BulletinProject {
  company: string;
  unitName: string;
  investmentWan: number | null;
  date: string;
}

/**
 * Whether the month's 擂台赛 board had locked when the bulletin was made. The bulletin is due on the first
 * working day, usually before the board locks (N working days after the month): it then shows the live ranking
 * and says so; when the board locks, the timer makes the bulletin's second edition from the locked snapshot.
 */
export interface BulletinRankingStatus {
  locked: boolean;
  /** When the ranking shown was read (the bulletin's making), ISO. */
  asOf: string;
  /** The board's lock moment, ISO (a China midnight: the end of the last working day it waits). */
  lockAt: string;
}

/** Everything one bulletin says, before it is laid out as a PDF or a workbook. */
export interface BulletinContent {
  title: string;
  districtName: string;
  monthLabel: string;
  previousLabel: string;
  figures: DashboardFigures;
  previousFigures: DashboardFigures;
  ranking: BulletinRankLine[];
  rankingStatus: BulletinRankingStatus;
  signedProjects: BulletinProject[];
}

const chinaMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
/** A lock moment is a China midnight: named as the end of the day before («2026-12-07 24:00»), the last day counted. */
const chinaDayEnd = (iso: string) => `${new Date(Date.parse(iso) + 8 * 3600_000 - 1).toISOString().slice(0, 10)} 24:00`;

/** What the bulletin says about its ranking: live as of its making and when it locks, or locked. */
export const rankingStatement = (s: BulletinRankingStatus): string =>
  s.locked
    ? `排名为 ${chinaDayEnd(s.lockAt)} 锁定的排名（锁定后的更正以调整项列入得分）。`
    : `排名为截至 ${chinaMinute(s.asOf)} 的实时排名，将于 ${chinaDayEnd(s.lockAt)} 锁定；锁定后本通报更新为按锁定排名的第二版。`;

const change = (now: number, before: number): string => {
  if (before === 0) return now === 0 ? '与上月持平' : '上月为 0';
  const pct = Math.round(((now - before) / before) * 1000) / 10;
  return pct === 0 ? '与上月持平' : `比上月${pct > 0 ? '增长' : '下降'} ${Math.abs(pct)}%`;
};
const minutes = (n: number | null) => (n === null ? '—' : n >= 60 ? `${Math.round((n / 60) * 10) / 10} 小时` : `${n} 分钟`);

/** The opening lines: the month's figures in words, each against the month before. */
export const bulletinSummary = (c: BulletinContent): string[] => [
  `本月共收到招商咨询 ${c.figures.inquiries} 条（上月 ${c.previousFigures.inquiries} 条，${change(c.figures.inquiries, c.previousFigures.inquiries)}）。`,
  `按时首次回复率 ${c.figures.promisesKeptPct === null ? '—' : `${c.figures.promisesKeptPct}%`}，首次回复中位 ${minutes(c.figures.responseMedianMinutes)}，P90 ${minutes(c.figures.responseP90Minutes)}。`,
  `经投资促进局确认：签约 ${c.figures.confirmedSigned} 个、落地 ${c.figures.confirmedLanded} 个（上月签约 ${c.previousFigures.confirmedSigned} 个）。`,
];

const wan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 万元`);

/** The bulletin's tables: the same rows go into the PDF and, one sheet each, into the workbook. */
export const bulletinTables = (c: BulletinContent): ExportTable[] => {
  const prevUnit = new Map(c.previousFigures.byUnit.map((u) => [u.key, u.count]));
  const prevChannel = new Map(c.previousFigures.byChannel.map((u) => [u.key, u.count]));
  return [
    { title: '各单位咨询', header: ['单位', '本月', '上月'], rows: c.figures.byUnit.map((u) => [u.label, u.count, prevUnit.get(u.key) ?? 0]) },
    { title: '擂台赛排名', header: ['名次', '单位', '得分'], rows: c.ranking.map((r) => [r.rank, r.name, r.score]), note: rankingStatement(c.rankingStatus) },
    { title: '本月签约项目', header: ['项目（企业）', '首报单位', '计划投资', '确认日期'], rows: c.signedProjects.map((p) => [p.company, p.unitName, wan(p.investmentWan), p.date]) },
    { title: '咨询渠道', header: ['渠道', '本月', '上月'], rows: c.figures.byChannel.map((u) => [u.label, u.count, prevChannel.get(u.key) ?? 0]) },
    {
      title: '转化漏斗',
      header: ['阶段', '本月', '上月'],
      rows: c.figures.funnel.map((f) => [f.label, f.count, c.previousFigures.funnel.find((p) => p.stage === f.stage)?.count ?? 0]),
    },
  ];
};
