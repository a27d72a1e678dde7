import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  base64: string;
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The mini-program picks a file from a chat (chooseMessageFile) and reads it as base64; null when cancelled. */
export const pickFileInWeChat = async (): Promise<PickedFile | null> => {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  } catch {
    return null;
  }
  // Some clients answer a cancelled pick with an empty result rather than a failure.
  const file = picked?.tempFiles?.[0];
  if (!file) return null;
  const data = await new Promise<string>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath: file.path, encoding: 'base64', success: (r) => resolve(r.data as string), fail: reject }),
  );
  return { name: file.name, base64: data };
};

/** The web build reads the file the user chose in an <input type="file">. */
export const readWebFile = (file: File): Promise<PickedFile> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** Hands the annotated file back: a download on the web, openDocument (with its share menu) in WeChat. */
export const saveAnnotatedFile = async (fileName: string, base64: string): Promise<void> => {
  const ext = /\.(xlsx|csv)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'xlsx';
  if (process.env.TARO_ENV === 'h5') {
    const { clickDownload } = await import('../platform/web-download');
    clickDownload(`data:${MIME[ext]};base64,${base64}`, fileName);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${Date.now()}-${fileName.replace(/[^\w.\u4e00-\u9fa5-]/g, '_')}`;
  await new Promise<void>((resolve, reject) => Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject }));
  await Taro.openDocument({ filePath, fileType: ext as 'xlsx', showMenu: true });
};
