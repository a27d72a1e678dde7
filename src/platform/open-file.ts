import Taro from '@tarojs/taro';

const FILE_TYPES = ['xlsx', 'pdf', 'csv'] as const;
type FileType = (typeof FILE_TYPES)[number];

const fileTypeOf = (fileName: string): FileType => {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return FILE_TYPES.includes(ext as FileType) ? (ext as FileType) : 'xlsx';
};

/**
 * Opens a file the backend stored and linked (an export, a bulletin): on the web a download from the link; in
 * WeChat the link is downloaded and shown with openDocument, its menu on so it can be forwarded or saved (the
 * menu is hidden by default since client 7.0.12). A CSV opens as a document nowhere in WeChat: it is saved to
 * the user's files and its path shown instead.
 */
export const openStoredFile = async (url: string, fileName: string): Promise<void> => {
  if (process.env.TARO_ENV === 'h5') {
    const { clickDownload } = await import('./web-download');
    clickDownload(url, fileName);
    return;
  }
  const downloaded = await Taro.downloadFile({ url });
  if (downloaded.statusCode !== 200) throw new Error(`download failed: ${downloaded.statusCode}`);
  const type = fileTypeOf(fileName);
  if (type === 'csv') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName.replace(/[^\w.\u4e00-\u9fa5-]/g, '_')}`;
    await new Promise<void>((resolve, reject) => Taro.getFileSystemManager().saveFile({ tempFilePath: downloaded.tempFilePath, filePath, success: () => resolve(), fail: reject }));
    await Taro.showModal({ title: '已保存', content: `CSV 文件已保存到小程序文件夹：${fileName}。在电脑上打开请选择 Excel 格式。`, showCancel: false });
    return;
  }
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: type, showMenu: true });
};
