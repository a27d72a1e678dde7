import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ActionButton } from '../../components/action-button';
import { PAGE_HEADING } from '../../components/a11y';
import { pickFileInWeChat, readWebFile, saveAnnotatedFile, type PickedFile } from '../import-file';
import type { ImportReport } from '../use-spreadsheet-import';
import '../admin.css';

export interface ImportPageProps<R extends ImportReport> {
  /** Test ids start with it (`import-summary`, `staff-import-summary` …); the page's own is `admin-<prefix>`. */
  prefix: string;
  title: string;
  /** What the file holds and how the import treats it. */
  note: string;
  report: R | null;
  pending: boolean;
  error: string | null;
  onTemplate: () => void;
  onFile: (picked: PickedFile) => void;
  /** Apply the checked file, or carry an unfinished apply on (the same call). */
  onApply: () => void;
  /** Added to the summary line (the staff import's invite codes). */
  summaryExtra?: (report: R, applied: boolean) => string;
  /** Why continuing is safe, after «请点「继续导入其余行」»: what will not be done twice. */
  resumeHint: string;
  /** Shown below the report (the staff import's invite codes). */
  children?: ReactNode;
}

/**
 * The page every spreadsheet import shares: template, file (a file input on the web, a chat file in WeChat), the
 * dry run's row-by-row report with the annotated file, 确认导入, and 继续导入其余行 when an apply ran out of time.
 */
export function ImportPage<R extends ImportReport>({ prefix, title, note, report: r, pending, error, onTemplate, onFile, onApply, summaryExtra, resumeHint, children }: ImportPageProps<R>) {
  const isWeb = process.env.TARO_ENV === 'h5';
  const applied = r?.mode === 'apply' && !r.fileError && r.errorCount === 0;
  const unfinished = applied && !r.complete;
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <View className="admin-page" data-testid={`admin-${prefix}`} role="main">
      <Text className="admin-title" {...PAGE_HEADING}>{title}</Text>
      <Text className="admin-note">{note}</Text>
      <View className="admin-actions">
        <ActionButton text="下载模板" tone="secondary" size="sm" onClick={onTemplate} testId={id('template')} />
        {isWeb ? (
          // A real file input inside a label that looks like the app's buttons: keyboard and screen readers keep working.
          <label className="admin-file">
            选择表格文件（.xlsx / .csv）
            <input
              className="admin-file__input"
              type="file"
              accept=".xlsx,.csv"
              data-testid={id('file-input')}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f) void readWebFile(f).then(onFile);
              }}
            />
          </label>
        ) : (
          <ActionButton text="从聊天中选择文件" onClick={() => void pickFileInWeChat().then((f) => f && onFile(f))} testId={id('pick')} />
        )}
      </View>
      {pending ? <Text className="admin-note">正在处理…</Text> : null}
      {error ? <Text className="admin-error" data-testid={id('error')}>{error}</Text> : null}
      {r ? (
        <View className="admin-card" data-testid={id('report')}>
          {r.fileError ? (
            <Text className="admin-error" data-testid={id('file-error')}>{r.fileError.message}</Text>
          ) : (
            <>
              <Text data-testid={id('summary')}>
                {unfinished ? '已导入一部分：' : applied ? '已导入：' : '试导入：'}共 {r.totalRows} 行，{r.okRows} 行无误，{r.errorCount} 行有问题；新增 {r.created}，更新 {r.updated}，未变 {r.unchanged}
                {summaryExtra?.(r, applied) ?? ''}
              </Text>
              {r.errors.map((e) => (
                <Text key={`${e.row}:${e.code}`} className="admin-note" data-testid={id('row-error')}>
                  第 {e.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}（{e.code}）
                </Text>
              ))}
              {r.notes?.map((n) => (
                <Text key={`${n.row}:${n.code}`} className="admin-note" data-testid={id('row-note')}>
                  第 {n.row} 行：{n.message}
                </Text>
              ))}
              {r.errorCount > r.errors.length ? <Text className="admin-note">另有 {r.errorCount - r.errors.length} 行问题，见带错误原因的文件。</Text> : null}
              <View className="admin-actions">
                {r.annotatedFile ? (
                  <ActionButton text="下载带错误原因的文件" tone="secondary" size="sm" onClick={() => void saveAnnotatedFile(r.annotatedFile!.fileName, r.annotatedFile!.base64)} testId={id('annotated')} />
                ) : null}
                {r.mode === 'dry_run' && r.errorCount === 0 ? <ActionButton text="确认导入" loading={pending} onClick={onApply} testId={id('apply')} /> : null}
                {unfinished ? <ActionButton text="继续导入其余行" loading={pending} onClick={onApply} testId={id('continue')} /> : null}
              </View>
              {unfinished ? (
                <Text className="admin-note" data-testid={id('unfinished')}>
                  文件较大，本次未能全部写入{r.resumeFromRow ? `，下次从第 ${r.resumeFromRow} 行继续` : ''}。请点「继续导入其余行」：{resumeHint}
                </Text>
              ) : null}
            </>
          )}
        </View>
      ) : null}
      {children}
    </View>
  );
}
