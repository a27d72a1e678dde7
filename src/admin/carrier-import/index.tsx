import { IMPORT_MAX_ROWS, importTemplateCsv } from '../../../domain/carrier/carrier-import.rules';
import { utf8ToBase64 } from '../../format/base64';
import { ImportPage } from '../components/import-page';
import { saveAnnotatedFile } from '../import-file';
import { useCarrierImport } from './use-carrier-import';

// With a BOM, so Excel opens the CSV as UTF-8. No btoa: WeChat's runtime has none.
const toBase64 = (s: string) => utf8ToBase64(`\uFEFF${s}`);

export default function CarrierImportPage() {
  const imp = useCarrierImport();
  return (
    <ImportPage
      prefix="import"
      title="导入载体"
      note={`先「试导入」检查每一行，全部无误后再确认导入；同一「外部编号」再次导入会更新而不会重复。英文列（如「名称（英文）」）选填，留空则保留已有英文；英文的多项用分号分隔。最多 ${IMPORT_MAX_ROWS} 行、2 MB。公式按文字读取，不会计算。`}
      report={imp.report}
      pending={imp.pending}
      error={imp.error}
      onTemplate={() => void saveAnnotatedFile('载体导入模板.csv', toBase64(importTemplateCsv()))}
      onFile={(f) => void imp.check(f)}
      onApply={() => void imp.apply()}
      resumeHint="已导入的载体不会重复。"
    />
  );
}
