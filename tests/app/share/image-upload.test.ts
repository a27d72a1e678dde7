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
    expect(checkChosenImage({ path: 'a.heic', size: 100 })).toBe('只支持 JPG 或 PNG 格式的图片');
    expect(checkChosenImage({ path: 'a.png', size: MAX_IMAGE_BYTES + 1 })).toBe('图片不能超过 2 MB（当前 2.1 MB），请裁剪或压缩后再上传');
    expect(checkChosenImage({ path: 'a.png', size: 0 })).toBe('无法读取这张图片，请换一张试试');
  });
});
