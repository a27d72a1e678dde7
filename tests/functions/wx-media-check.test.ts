import type * as WxServerSdk from 'wx-server-sdk';
import * as v from 'valibot';
import { wxMediaCheck } from '../../cloudfunctions/_lib/wx-openapi';
import { isMediaCheckPush, mediaCheckOutcome, MediaCheckEventSchema } from '../../domain/carrier/media-check-event.schema';

/** The `security.mediaCheckAsync` adapter and the reading of its `wxa_media_check` result event. */
describe('WeChat image check', () => {
  it('submits the temp URL for the caller and answers the trace id as pending', async () => {
    const calls: unknown[] = [];
    const cloud = { openapi: { security: { mediaCheckAsync: async (a: unknown) => (calls.push(a), { errCode: 0, traceId: 'trace-abc' }) } } } as unknown as typeof WxServerSdk;
    expect(await wxMediaCheck(cloud).submit('cloud://env/carrier-photos/c/p.png', 'https://tmp.example/p.png', 'openid-1')).toEqual({ kind: 'pending', traceId: 'trace-abc' });
    expect(calls).toEqual([{ mediaUrl: 'https://tmp.example/p.png', mediaType: 2, version: 2, scene: 1, openid: 'openid-1' }]);
    await expect(wxMediaCheck(cloud).submit('cloud://x', 'https://tmp', null)).rejects.toThrow(/openid/);
    expect(wxMediaCheck(cloud).reads).toEqual(['jpg', 'png']);
  });

  it('reads the pushed verdict: pass, review, risky, and a check WeChat could not run', () => {
    const event = (extra: Record<string, unknown>) => v.parse(MediaCheckEventSchema, { ToUserName: 'gh_x', FromUserName: 'o', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx1', trace_id: '68f351b2-75a4d3f0-04bd00ca', version: 2, ...extra });
    const suggested = (suggest: string) => event({ errcode: 0, errmsg: 'ok', result: { suggest, label: 100 }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }] });
    expect(mediaCheckOutcome(suggested('pass'))).toBe('pass');
    expect(mediaCheckOutcome(suggested('review'))).toBe('review');
    expect(mediaCheckOutcome(suggested('risky'))).toBe('risky');
    expect(mediaCheckOutcome(event({ errcode: 43104, errmsg: 'this appid does not have permission', detail: [] }))).toBe('failed');
    expect(mediaCheckOutcome(event({}))).toBe('failed');
    expect(isMediaCheckPush({ action: 'admin.home', input: {} })).toBe(false);
    expect(isMediaCheckPush(null)).toBe(false);
    expect(isMediaCheckPush([{ Event: 'wxa_media_check' }])).toBe(false);
    expect(isMediaCheckPush({ Event: 'wxa_media_check', trace_id: 5 })).toBe(true);
    expect(v.safeParse(MediaCheckEventSchema, { Event: 'wxa_media_check', trace_id: 5 }).success).toBe(false);
  });
});
