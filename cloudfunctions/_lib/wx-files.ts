import type * as WxServerSdk from 'wx-server-sdk';
import type { FileStore } from './deps';

type Cloud = typeof WxServerSdk;

/** Links to exports and bulletins live an hour: long enough to open, short enough not to leak as a share. */
const LINK_SECONDS = 3600;

/** Cloud storage: files are private to the environment; the app gets a temp URL per open. */
export const wxFiles = (cloud: Cloud): FileStore => ({
  async put(path, bytes) {
    const uploaded = await cloud.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes) });
    return uploaded.fileID;
  },
  async linkFor(fileId) {
    const answer = (await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: LINK_SECONDS }] })) as { fileList: Array<{ status: number; tempFileURL: string; errMsg: string }> };
    const item = answer.fileList[0];
    if (!item || item.status !== 0 || !item.tempFileURL) throw new Error(`getTempFileURL failed: ${item?.errMsg ?? 'no item'}`);
    return item.tempFileURL;
  },
  async get(fileId) {
    try {
      const answer = await cloud.downloadFile({ fileID: fileId });
      return new Uint8Array(answer.fileContent);
    } catch {
      return null;
    }
  },
  async remove(fileId) {
    await cloud.deleteFile({ fileList: [fileId] });
  },
  // The mini-program loads `cloud://` ids itself.
  publicRef: (fileId) => fileId,
  fileIdOf: (ref) => (ref.startsWith('cloud://') ? ref : null),
});
