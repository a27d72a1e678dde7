import { Text, View } from '@tarojs/components';
import { chinaDay } from '../../../domain/common/time';
import { STAFF_IMPORT_COLUMNS, STAFF_IMPORT_MAX_ROWS } from '../../../domain/org/staff-import.rules';
import { ActionButton } from '../../components/action-button';
import { PAGE_HEADING } from '../../components/a11y';
import { pickFileInWeChat, readWebFile, saveAnnotatedFile } from '../carrier-import/import-file';
import { useStaffImport } from './use-staff-import';
import '../admin.css';

export default function StaffImportPage() {
  const imp = useStaffImport();
  const r = imp.report;
  const isWeb = process.env.TARO_ENV === 'h5';
  const applied = r?.mode === 'apply' && !r.fileError && r.errorCount === 0;
  const unfinished = applied && !r.complete;
  const { invites, files } = imp.issued;
  return (
    <View className="admin-page" data-testid="admin-staff-import" role="main">
      <Text className="admin-title" {...PAGE_HEADING}>导入人员</Text>
      <Text className="admin-note">
        表格列：{STAFF_IMPORT_COLUMNS.map((c) => c.header).join('、')}（工号选填）。先「试导入」检查每一行，全部无误后再确认导入；同一工号（无工号时同一手机号）再次导入会更新此人而不会重复添加。新人员各得到一个一次性邀请码。最多 {STAFF_IMPORT_MAX_ROWS} 行、2 MB；公式按文字读取。
      </Text>
      <View className="admin-actions">
        <ActionButton
          text="下载模板"
          tone="secondary"
          size="sm"
          testId="staff-import-template"
          onClick={() => void imp.template().then((t) => t && saveAnnotatedFile(t.fileName, t.base64))}
        />
        {isWeb ? (
          // A real file input inside a label that looks like the app's buttons: keyboard and screen readers keep working.
          <label className="admin-file">
            选择表格文件（.xlsx / .csv）
            <input
              className="admin-file__input"
              type="file"
              accept=".xlsx,.csv"
              data-testid="staff-import-file-input"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (f) void readWebFile(f).then(imp.check);
              }}
            />
          </label>
        ) : (
          <ActionButton text="从聊天中选择文件" onClick={() => void pickFileInWeChat().then((f) => f && imp.check(f))} testId="staff-import-pick" />
        )}
      </View>
      {imp.pending ? <Text className="admin-note">正在处理…</Text> : null}
      {imp.error ? <Text className="admin-error" data-testid="staff-import-error">{imp.error}</Text> : null}
      {r ? (
        <View className="admin-card" data-testid="staff-import-report">
          {r.fileError ? (
            <Text className="admin-error" data-testid="staff-import-file-error">{r.fileError.message}</Text>
          ) : (
            <>
              <Text data-testid="staff-import-summary">
                {unfinished ? '已导入一部分：' : applied ? '已导入：' : '试导入：'}共 {r.totalRows} 行，{r.okRows} 行无误，{r.errorCount} 行有问题；新增 {r.created}，更新 {r.updated}，未变 {r.unchanged}
                {applied ? `；发放邀请码 ${invites.length} 个` : r.invitesDue ? `；将发放邀请码 ${r.invitesDue} 个` : ''}
              </Text>
              {r.errors.map((e) => (
                <Text key={`${e.row}:${e.code}`} className="admin-note" data-testid="staff-import-row-error">
                  第 {e.row} 行{e.column ? `「${e.column}」` : ''}：{e.message}（{e.code}）
                </Text>
              ))}
              {r.errorCount > r.errors.length ? <Text className="admin-note">另有 {r.errorCount - r.errors.length} 行问题，见带错误原因的文件。</Text> : null}
              <View className="admin-actions">
                {r.annotatedFile ? (
                  <ActionButton text="下载带错误原因的文件" tone="secondary" size="sm" onClick={() => void saveAnnotatedFile(r.annotatedFile!.fileName, r.annotatedFile!.base64)} testId="staff-import-annotated" />
                ) : null}
                {r.mode === 'dry_run' && r.errorCount === 0 ? <ActionButton text="确认导入" loading={imp.pending} onClick={() => void imp.apply()} testId="staff-import-apply" /> : null}
                {unfinished ? <ActionButton text="继续导入其余行" loading={imp.pending} onClick={() => void imp.apply()} testId="staff-import-continue" /> : null}
              </View>
              {unfinished ? <Text className="admin-note" data-testid="staff-import-unfinished">文件较大，本次未能全部写入。请点「继续导入其余行」：已导入的人员不会重复，也不会重发邀请码。</Text> : null}
            </>
          )}
        </View>
      ) : null}
      {applied && invites.length ? (
        <View className="admin-card" data-testid="staff-import-invites">
          <Text className="admin-subtitle">新发放的邀请码（只显示这一次）</Text>
          <Text className="admin-note">请下载保存并当面或电话告知本人，在「工作台 → 绑定」中输入；每个邀请码仅可使用一次。</Text>
          {invites.map((i) => (
            <View key={i.staffId} className="admin-row" data-testid="staff-import-invite">
              <View className="admin-row__main">
                <Text>
                  {i.name} · {i.phone}
                </Text>
                <Text className="admin-note">有效期至 {chinaDay(new Date(i.inviteExpiresAt))}</Text>
              </View>
              <Text className="admin-badge" data-testid="staff-import-invite-code">{i.inviteCode}</Text>
            </View>
          ))}
          {files.map((f, n) => (
            <ActionButton key={n} text={files.length > 1 ? `下载邀请码表格（第 ${n + 1} 批）` : '下载邀请码表格'} tone="secondary" size="sm" onClick={() => void saveAnnotatedFile(f.fileName, f.base64)} testId="staff-import-invites-file" />
          ))}
        </View>
      ) : null}
    </View>
  );
}
