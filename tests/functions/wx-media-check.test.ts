import type * as WxServerSdk from 'wx-server-sdk';
import { mediaCheckVerdictOf, wxMediaCheck } from '../../cloudfunctions/_lib/wx-openapi';

/** The `security.mediaCheckAsync` adapter and the reading of its `wxa_media_check` result event. */
describe('WeChat image check', () => {
  it('submits the temp URL for the caller and answers the trace id as pending', async () => {
    const calls: unknown[] = [];
    const cloud = { openapi: { security: { mediaCheckAsync: async (a: unknown) => (calls.push(a), { errCode: 0, traceId: 'trace-abc' }) } } } as unknown as typeof WxServerSdk;
    expect(await wxMediaCheck(cloud).submit('cloud://env/carrier-photos/c/p.png', 'https://tmp.example/p.png', 'openid-1')).toEqual({ kind: 'pending', traceId: 'trace-abc' });
    expect(calls).toEqual([{ mediaUrl: 'https://tmp.example/p.png', mediaType: 2, version: 2, scene: 1, openid: 'openid-1' }]);
    await expect(wxMediaCheck(cloud).submit('cloud://x', 'https://tmp', null)).rejects.toThrow(/openid/);
  });

  it('reads pass and refusal from the pushed event, and nothing else as a verdict', () => {
    const event = (suggest: string) => ({ ToUserName: 'gh_x', FromUserName: 'o', MsgType: 'event', Event: 'wxa_media_check', appid: 'wx1', trace_id: 't-1', version: 2, result: { suggest, label: 100 } });
    expect(mediaCheckVerdictOf(event('pass'))).toEqual({ traceId: 't-1', pass: true, label: 100 });
    expect(mediaCheckVerdictOf(event('risky'))).toEqual({ traceId: 't-1', pass: false, label: 100 });
    expect(mediaCheckVerdictOf(event('review'))?.pass).toBe(false);
    expect(mediaCheckVerdictOf({ action: 'admin.home', input: {} })).toBeNull();
    expect(mediaCheckVerdictOf({ Event: 'wxa_media_check', trace_id: 5 })).toBeNull();
    expect(mediaCheckVerdictOf(null)).toBeNull();
  });
});
