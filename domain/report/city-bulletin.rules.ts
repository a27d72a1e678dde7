import type { BulletinContent } from './bulletin-content.rules';
import type { ExportTable } from './export-table.rules';

/** One district's headline figures in the city's bulletin, read from that district's own bulletin content. */
export interface CityDistrictLine {
  districtName: string;
  inquiries: number;
  previousInquiries: number;
  promisesKeptPct: number | null;
  confirmedSigned: number;
  confirmedLanded: number;
  /** The unit leading the district's 擂台赛 for the month (the board's first line), if anyone scored. */
  leadingUnit: string | null;
}

/** 全市通报: the districts of one city side by side for a month, read-only. */
export interface CityBulletinContent {
  title: string;
  monthLabel: string;
  previousLabel: string;
  districts: CityDistrictLine[];
}

/**
 * One city bulletin per city and month. It is stored beside the districts' bulletins, listed under a key no
 * district has (`city-<cityId>`), so a district's own list never shows it and the city admin's finds it by index.
 */
export const cityBulletinKey = (cityId: string): string => `city-${cityId}`;
export const cityBulletinId = (cityId: string, monthKey: string): string => `bl_${cityBulletinKey(cityId)}_${monthKey}`;

export const cityDistrictLine = (c: BulletinContent): CityDistrictLine => ({
  districtName: c.districtName,
  inquiries: c.figures.inquiries,
  previousInquiries: c.previousFigures.inquiries,
  promisesKeptPct: c.figures.promisesKeptPct,
  confirmedSigned: c.figures.confirmedSigned,
  confirmedLanded: c.figures.confirmedLanded,
  leadingUnit: c.ranking[0] && c.ranking[0].score > 0 ? c.ranking[0].name : null,
});

export const cityBulletinTotals = (c: CityBulletinContent) => ({
  inquiries: c.districts.reduce((n, d) => n + d.inquiries, 0),
  previousInquiries: c.districts.reduce((n, d) => n + d.previousInquiries, 0),
  confirmedSigned: c.districts.reduce((n, d) => n + d.confirmedSigned, 0),
  confirmedLanded: c.districts.reduce((n, d) => n + d.confirmedLanded, 0),
});

/** The opening lines: the city's month in words. */
export const cityBulletinSummary = (c: CityBulletinContent): string[] => {
  const t = cityBulletinTotals(c);
  return [
    `全市 ${c.districts.length} 个区县本月共收到招商咨询 ${t.inquiries} 条（上月 ${t.previousInquiries} 条）。`,
    `经各区投资促进局确认：签约 ${t.confirmedSigned} 个、落地 ${t.confirmedLanded} 个。`,
  ];
};

/** The city's one table, districts side by side: the same rows go into the PDF and the workbook. */
export const cityBulletinTables = (c: CityBulletinContent): ExportTable[] => [
  {
    title: '各区县对比',
    header: ['区县', '咨询（本月）', '咨询（上月）', '按时回复率', '确认签约', '确认落地', '擂台赛第一'],
    rows: c.districts.map((d) => [
      d.districtName,
      d.inquiries,
      d.previousInquiries,
      d.promisesKeptPct === null ? '—' : `${d.promisesKeptPct}%`,
      d.confirmedSigned,
      d.confirmedLanded,
      d.leadingUnit ?? '—',
    ]),
  },
];
