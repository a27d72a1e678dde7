import { Text, View } from '@tarojs/components';
import { IMPORT_MAX_ROWS, importTemplateCsv } from '../../../domain/carrier/carrier-import.rules';
import { ActionButton } from '../../components/action-button';
import { pickFileInWeChat, readWebFile, saveAnnotatedFile } from './import-file';
import { useCarrierImport } from './use-carrier-import';
import { utf8ToBase64 } from '../../format/base64';
import { PAGE_HEADING } from '../../components/a11y';
import '../admin.css';

// With a BOM, so Excel opens the CSV as UTF-8. No btoa: WeChat's runtime has none.
const toBase64 = (s: string) => utf8ToBase64(`\uFEFF${s}`);

export default function CarrierImportPage() {
  const imp = useCarrierImport();
  const r = imp.report;
  const isWeb = process.env.TARO_ENV === 'h5';
  return (
    <View className="admin-page" data-testid="admin-import" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>导入载体</Text>
      <Text className="admin-note">
        先「试导入」检查每一行，全部无误后再确认导入；同一「外部编号」再次导入会更新而不会重复。最多 {IMPORT_MAX_ROWS} 行、2 MB。公式按文字读取，不会计算。
      </Text>
      <View className="admin-actions">
        <ActionButton text="下载模板" tone="secondary" size="sm" onClick={() => void saveAnnotatedFile('载体导入模板.csv', toBase64(importTemplateCsv()))} testId="import-template" />
        {isWeb ? (
          // A real file input inside a label that looks like the app's buttons: keyboard and screen readers keep working.
          <label className="admin-file">
            选择表格文件（.xlsx / .csv）
            <input
              className="admin-file__input"
              type="file"
              accept=".xlsx,.csv"
              data-testid="import-file-input"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f) void readWebFile(f).then(imp.check);
              }}
            />
          </label>
        ) : (
          <ActionButton text="从聊天中选择文件" onClick={() => void pickFileInWeChat().then((f) => f && imp.check(f))} testId="import-pick" />
        )}
      </View>
      {imp.pending ? <Text className="admin-note">正在处理…</Text> : null}
      {imp.error ? <Text className="admin-error" data-testid="import-error">{imp.error}</Text> : null}
      {r ? (
        <View className="admin-card" data-testid="import-report">
          {r.fileError ? (
            <Text className="admin-error" data-testid="import-file-error">{r.fileError.message}</Text>
          ) : (
            <>
              <Text data-testid="import-summary">
                {r.mode === 'apply' && r.errorCount === 0 ? '已导入：' : '试导入：'}共 {r.totalRows} 行，{r.okRows} 行无误，{r.errorCount} 行有问题；新增 {r.created}，更新 {r.updated}，未变 {r.unchanged}
              </Text>
              {r.errors.map((e) => (
                <Text key={`${e.row}:${e.code}`} className="admin-note" data-testid="import-row-error">
                  第 {e.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}（{e.code}）
                </Text>
              ))}
              {r.errorCount > r.errors.length ? <Text className="admin-note">另有 {r.errorCount - r.errors.length} 行问题，见带错误原因的文件。</Text> : null}
              <View className="admin-actions">
                {r.annotatedFile ? <ActionButton text="下载带错误原因的文件" tone="secondary" size="sm" onClick={() => void saveAnnotatedFile(r.annotatedFile!.fileName, r.annotatedFile!.base64)} testId="import-annotated" /> : null}
                {r.mode === 'dry_run' && r.errorCount === 0 ? <ActionButton text="确认导入" loading={imp.pending} onClick={() => void imp.apply()} testId="import-apply" /> : null}
              </View>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}
