import { checkChosenImage, imageTypeOf, MAX_IMAGE_BYTES } from '../../../src/services/image-upload';

describe('card image checks', () => {
  it('reads the type from the picker or the temp file name', () => {
    expect(imageTypeOf('wxfile://tmp_abc.JPEG')).toBe('jpg');
    expect(imageTypeOf('http://tmp/abc.png?x=1')).toBe('png');
    expect(imageTypeOf('wxfile://tmp_abc', 'image/png')).toBe('png');
    expect(imageTypeOf('wxfile://tmp_abc.webp')).toBeNull();
    expect(imageTypeOf('wxfile://tmp_abc')).toBeNull();
  });

  it('accepts JPG and PNG up to 2 MB, with Chinese reasons otherwise', () => {
    expect(checkChosenImage({ path: 'a.jpg', size: MAX_IMAGE_BYTES })).toBeNull();
    expect(checkChosenImage({ path: 'a.png', size: 1 })).toBeNull();
    expect(checkChosenImage({ path: 'a.bmp', size: 100 })).toBe('只支持 JPG 或 PNG 格式的图片');
    // What chooseMedia can really hand over besides JPG/PNG: an iOS GIF kept as it is; HEIC only if a device skips the conversion.
    expect(checkChosenImage({ path: 'wxfile://tmp_abc.GIF', size: 100 })).toBe('GIF 动图无法完整做内容审核，请选择 JPG 或 PNG 照片');
    expect(checkChosenImage({ path: 'wxfile://tmp_abc.heic', size: 100 })).toBe('这张照片是 HEIC 格式，请截图或在相册中导出为 JPG 后再上传');
    // Carrier photos may be up to 5 MB.
    expect(checkChosenImage({ path: 'a.jpg', size: 5 * 1024 * 1024 }, 5 * 1024 * 1024)).toBeNull();
    expect(checkChosenImage({ path: 'a.jpg', size: 5 * 1024 * 1024 + 1 }, 5 * 1024 * 1024)).toBe('图片不能超过 5 MB（当前 5.1 MB），请裁剪或压缩后再上传');
    expect(checkChosenImage({ path: 'a.png', size: MAX_IMAGE_BYTES + 1 })).toBe('图片不能超过 2 MB（当前 2.1 MB），请裁剪或压缩后再上传');
    expect(checkChosenImage({ path: 'a.png', size: 0 })).toBe('无法读取这张图片，请换一张试试');
  });
});
