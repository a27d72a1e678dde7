import { Text, View } from '@tarojs/components';
import { chinaDay } from '../../../domain/common/time';
import { STAFF_IMPORT_COLUMNS, STAFF_IMPORT_MAX_ROWS } from '../../../domain/org/staff-import.rules';
import { ActionButton } from '../../components/action-button';
import { ImportPage } from '../components/import-page';
import { saveAnnotatedFile } from '../import-file';
import { useStaffImport } from './use-staff-import';

export default function StaffImportPage() {
  const imp = useStaffImport();
  const r = imp.report;
  const applied = r?.mode === 'apply' && !r.fileError && r.errorCount === 0;
  const { invites, files } = imp.issued;
  return (
    <ImportPage
      prefix="staff-import"
      title="导入人员"
      note={`表格列：${STAFF_IMPORT_COLUMNS.map((c) => c.header).join('、')}（工号选填）。先「试导入」检查每一行，全部无误后再确认导入；同一工号（无工号时同一手机号）再次导入会更新此人而不会重复添加。新人员各得到一个一次性邀请码。最多 ${STAFF_IMPORT_MAX_ROWS} 行、2 MB；公式按文字读取。`}
      report={r}
      pending={imp.pending}
      error={imp.error}
      onTemplate={() => void imp.template().then((t) => t && saveAnnotatedFile(t.fileName, t.base64))}
      onFile={(f) => void imp.check(f)}
      onApply={() => void imp.apply()}
      summaryExtra={(report, done) => (done ? `；发放邀请码 ${invites.length} 个` : report.invitesDue ? `；将发放邀请码 ${report.invitesDue} 个` : '')}
      resumeHint="已导入的人员不会重复，也不会重发邀请码。"
    >
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
    </ImportPage>
  );
}
