import PDFDocument from 'pdfkit';
import { bulletinSummary, bulletinTables, type BulletinContent } from '../../domain/report/bulletin-content.rules';
import { cityBulletinSummary, cityBulletinTables, type CityBulletinContent } from '../../domain/report/city-bulletin.rules';
import type { ExportTable } from '../../domain/report/export-table.rules';

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = PAGE.width - PAGE.margin * 2;
// Print colours (the app's tokens are for screens): the brand red for bars, greys for rules and the previous month.
const INK = '#1d2129';
const MUTED = '#4e5969';
const RULE = '#c9cdd4';
const BAR = '#b3261e';
const BAR_PREVIOUS = '#8c939d';

type Doc = InstanceType<typeof PDFDocument>;

const ensureRoom = (doc: Doc, height: number) => {
  if (doc.y + height > PAGE.height - PAGE.margin) doc.addPage();
};

const heading = (doc: Doc, text: string) => {
  ensureRoom(doc, 60);
  doc.moveDown(0.8).fontSize(13).fillColor(INK).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.3);
};

/** A table with even columns (the first twice as wide), a rule under the header, and a note when empty. */
const table = (doc: Doc, t: ExportTable) => {
  heading(doc, t.title);
  const weights = t.header.map((_, i) => (i === 0 ? 2 : 1));
  const unit = CONTENT_WIDTH / weights.reduce((a, b) => a + b, 0);
  const row = (cells: ReadonlyArray<string | number>, size: number, color: string) => {
    ensureRoom(doc, 20);
    const y = doc.y;
    let x = PAGE.margin;
    let bottom = y;
    cells.forEach((cell, i) => {
      const width = weights[i] * unit - 6;
      doc.fontSize(size).fillColor(color).text(String(cell), x, y, { width, align: typeof cell === 'number' ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
      x += weights[i] * unit;
    });
    doc.y = bottom + 3;
  };
  row(t.header, 9.5, MUTED);
  doc.moveTo(PAGE.margin, doc.y).lineTo(PAGE.margin + CONTENT_WIDTH, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y += 3;
  if (!t.rows.length) row(['（本月无）'], 10, MUTED);
  for (const r of t.rows) row(r, 10, INK);
  if (t.note) {
    ensureRoom(doc, 30);
    doc.moveDown(0.2).fontSize(9.5).fillColor(MUTED).text(t.note, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  }
};

/** Horizontal bars, this month beside last month, drawn with pdfkit's own rectangles (no chart library). */
const bars = (doc: Doc, title: string, items: ReadonlyArray<{ label: string; now: number; before: number }>) => {
  if (!items.length) return;
  heading(doc, title);
  const max = Math.max(1, ...items.flatMap((i) => [i.now, i.before]));
  const labelWidth = 130;
  const barWidth = CONTENT_WIDTH - labelWidth - 40;
  for (const item of items.slice(0, 10)) {
    ensureRoom(doc, 26);
    const y = doc.y;
    doc.fontSize(9.5).fillColor(INK).text(item.label, PAGE.margin, y + 2, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    doc.rect(PAGE.margin + labelWidth, y, Math.max(1, (item.now / max) * barWidth), 9).fill(BAR);
    doc.rect(PAGE.margin + labelWidth, y + 11, Math.max(1, (item.before / max) * barWidth), 5).fill(BAR_PREVIOUS);
    doc.fontSize(9).fillColor(INK).text(String(item.now), PAGE.margin + labelWidth + (item.now / max) * barWidth + 4, y, { lineBreak: false });
    doc.y = y + 22;
  }
  doc.fontSize(8.5).fillColor(MUTED).text('红色：本月；灰色：上月', PAGE.margin, doc.y);
};

/**
 * 每月一通报 as a PDF: title, the month in words, tables (units, ranking, signed projects, channels, funnel) and
 * two bar charts. All text is set in the CJK font given, which pdfkit embeds as a subset of the glyphs used.
 */
export const renderBulletinPdf = (content: BulletinContent, fontPath: string, createdAt: Date): Promise<Uint8Array> =>
  new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, font: fontPath, info: { Title: content.title, Author: content.districtName, CreationDate: createdAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);

    doc.fontSize(20).fillColor(INK).text(content.title, { align: 'center' });
    doc.moveDown(0.3).fontSize(10).fillColor(MUTED).text(`${content.districtName} · 统计周期 ${content.monthLabel} · 对比 ${content.previousLabel}`, { align: 'center' });
    doc.moveDown(1);
    for (const line of bulletinSummary(content)) doc.fontSize(11.5).fillColor(INK).text(line, PAGE.margin, doc.y, { width: CONTENT_WIDTH }).moveDown(0.3);

    const [units, ranking, projects, channels, funnel] = bulletinTables(content);
    const before = (list: ReadonlyArray<{ key: string; count: number }>) => new Map(list.map((i) => [i.key, i.count]));
    const prevUnits = before(content.previousFigures.byUnit);
    bars(doc, '各单位咨询（条）', content.figures.byUnit.map((u) => ({ label: u.label, now: u.count, before: prevUnits.get(u.key) ?? 0 })));
    table(doc, ranking);
    table(doc, projects);
    table(doc, units);
    const prevChannels = before(content.previousFigures.byChannel);
    bars(doc, '咨询渠道（条）', content.figures.byChannel.map((u) => ({ label: u.label, now: u.count, before: prevChannels.get(u.key) ?? 0 })));
    table(doc, channels);
    table(doc, funnel);
    doc.moveDown(1.2).fontSize(8.5).fillColor(MUTED).text('数据来源：招商名片（按日汇总，与逐条线索重算一致）；签约、落地以投资促进局确认为准；同一企业按首报单位计。', PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.end();
  });

/** 全市通报 as a PDF: the city's month in words and its districts side by side, in the same CJK subset font. */
export const renderCityBulletinPdf = (content: CityBulletinContent, fontPath: string, createdAt: Date): Promise<Uint8Array> =>
  new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, font: fontPath, info: { Title: content.title, CreationDate: createdAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.fontSize(20).fillColor(INK).text(content.title, { align: 'center' });
    doc.moveDown(0.3).fontSize(10).fillColor(MUTED).text(`统计周期 ${content.monthLabel} · 对比 ${content.previousLabel}`, { align: 'center' });
    doc.moveDown(1);
    for (const line of cityBulletinSummary(content)) doc.fontSize(11.5).fillColor(INK).text(line, PAGE.margin, doc.y, { width: CONTENT_WIDTH }).moveDown(0.3);
    bars(doc, '各区县咨询（条）', content.districts.map((d) => ({ label: d.districtName, now: d.inquiries, before: d.previousInquiries })));
    for (const t of cityBulletinTables(content)) table(doc, t);
    doc.moveDown(1.2).fontSize(8.5).fillColor(MUTED).text('数据来源：各区县的每月通报（同一时间生成）；签约、落地以各区投资促进局确认为准。', PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    doc.end();
  });
