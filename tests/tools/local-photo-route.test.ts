import { ALL_ACTIONS } from '../../tools/local-cloud/all-actions';
import { startLocalCloud, type RunningLocalCloud } from '../../tools/local-cloud/server';
import { callOk, postAction } from '../support/local-cloud-api';
import { createTestBackend, type TestBackend } from '../support/test-backend';

/** The web path end to end over HTTP: chunks → photoAdd → the investor's carrier.get → the photo's bytes. */
describe('local cloud: carrier photos', () => {
  let backend: TestBackend;
  let cloud: RunningLocalCloud;
  beforeAll(async () => {
    backend = await createTestBackend();
    cloud = await startLocalCloud({ deps: backend.deps, actions: ALL_ACTIONS, port: 0 });
  });
  afterAll(async () => {
    await cloud.close();
    await backend.close();
  });

  const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([20, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 3)]);

  it('serves an uploaded photo as the type its bytes are, to anyone, once it is on the carrier', async () => {
    const chunk = WEBP.toString('base64');
    await callOk(cloud.url, 'admin', 'admin.carrier.photoChunk', { carrierId: 'building-001', uploadId: 'ph_httpphotoupload1', index: 0, total: 1, chunk });
    const added = await callOk<{ photos: string[] }>(cloud.url, 'admin', 'admin.carrier.photoAdd', { carrierId: 'building-001', source: { kind: 'chunks', uploadId: 'ph_httpphotoupload1', total: 1 } });
    const ref = added.photos[added.photos.length - 1];
    const seen = await callOk<{ photos: string[] }>(cloud.url, 'visitor', 'carrier.get', { carrierId: 'building-001' });
    expect(seen.photos).toContain(ref);
    const res = await fetch(new URL(ref, cloud.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(WEBP)).toBe(true);
  });

  it('answers 404 for paths outside the photo folder and for missing files', async () => {
    for (const path of ['/api/_local/photos/carrier-photos/building-001/none.png', '/api/_local/photos/exports/x.xlsx', '/api/_local/photos/carrier-photos/../analytics-secret']) {
      expect((await fetch(new URL(path, cloud.url))).status).toBe(404);
    }
  });

  it('refuses a PDF sent as a photo with a Chinese message', async () => {
    await callOk(cloud.url, 'admin', 'admin.carrier.photoChunk', { carrierId: 'building-001', uploadId: 'ph_httpphotoupload2', index: 0, total: 1, chunk: Buffer.from('%PDF-1.7 fake').toString('base64') });
    const r = await postAction(cloud.url, 'admin', 'admin.carrier.photoAdd', { carrierId: 'building-001', source: { kind: 'chunks', uploadId: 'ph_httpphotoupload2', total: 1 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'PHOTO.TYPE_UNSUPPORTED', message: '只支持 JPG、PNG 或 WebP 格式的图片' } });
  });
});
