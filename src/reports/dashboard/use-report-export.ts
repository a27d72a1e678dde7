import { useState } from 'react';
import type * as v from 'valibot';
import { reportExportContract } from '../../../domain/api/report.contracts';
import { useAction } from '../../hooks/use-action';
import { openStoredFile } from '../../platform/open-file';
import { call, toApiError } from '../../services/api-client';

type ExportRequest = v.InferOutput<typeof reportExportContract.request>;
/** What the page knows: whose numbers, which period, and for leads the tapped figure. */
export type ExportBase = Omit<ExportRequest, 'table' | 'format'>;

export const EXPORT_CHOICES = {
  dashboard: [
    { key: 'dashboard.xlsx', text: '看板 Excel' },
    { key: 'leads.xlsx', text: '线索 Excel' },
    { key: 'leads.csv', text: '线索 CSV' },
  ],
  /** A city admin's figures: the table only, no leads. */
  figuresOnly: [{ key: 'dashboard.xlsx', text: '看板 Excel' }],
  leads: [
    { key: 'leads.xlsx', text: '导出 Excel' },
    { key: 'leads.csv', text: '导出 CSV' },
  ],
} as const;

const EXPORT_MESSAGES = { 'AUTH.FORBIDDEN': '你只能导出本人、本单位和所在团队的数据；全区数据请联系管理员，全市只导出看板' } as const;

/** What the file held, said before anyone opens it: contact data is in it only where the viewer may reveal it. */
export const exportSummary = (a: { rows: number; contactRows: number; hidden: number }): string =>
  [`已导出 ${a.rows} 行`, a.contactRows ? `其中 ${a.contactRows} 行含联系方式（已记录查看）` : '联系方式已隐藏', a.hidden ? `${a.hidden} 条其他单位的线索未导出` : ''].filter(Boolean).join('，');

/** One export at a time: the backend writes the file, the platform opens it (openDocument / a download). */
export const useReportExport = (base: () => ExportBase | null) => {
  const [pending, setPending] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(
    async (choice: string) => {
      const request = base();
      if (!request) return;
      const [table, format] = choice.split('.') as [ExportRequest['table'], ExportRequest['format']];
      setPending(choice);
      setDone(null);
      try {
        const answer = await call(reportExportContract, { ...(table === 'dashboard' ? { ...request, filter: undefined, value: undefined, where: undefined } : request), table, format });
        setDone(exportSummary(answer));
        await openStoredFile(answer.url, answer.fileName);
      } finally {
        setPending(null);
      }
    },
    (e) => toApiError(e, { codes: EXPORT_MESSAGES }).message,
  );
  return { pending, done, error: action.error, run: (choice: string) => void action.run(choice) };
};
