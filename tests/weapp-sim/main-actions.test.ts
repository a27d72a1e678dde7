import { DEMO, OPENIDS, startWorld, submitDemoLead, type SimWorld } from './support/sim-world';

/**
 * The main actions, tapped on the rendered pages of the weapp build the way WeChat delivers taps, each checked
 * by what it must call: the phone's `wx` APIs, the pages it opens, and what lands in the cloud database.
 */
let world: SimWorld;

beforeAll(async () => {
  world = await startWorld();
}, 120_000);

afterAll(() => world?.uninstall());

const callsOf = (calls: Array<{ api: string; options: unknown }>, api: string) => calls.filter((c) => c.api === api).map((c) => c.options as Record<string, unknown>);

describe('the card', () => {
  it('calls, copies the WeChat id, saves the contact and opens the carriers, directory and lead form', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });

    await card.tap('拨打电话');
    expect(callsOf(app.calls, 'makePhoneCall')).toEqual([{ phoneNumber: '13800138001' }]);

    await card.tap('复制微信号');
    expect(callsOf(app.calls, 'setClipboardData')).toEqual([{ data: 'linjiang-demo-head' }]);
    expect(app.fake.clipboard.data).toBe('linjiang-demo-head');

    await card.tap('存入通讯录');
    const [contact] = callsOf(app.calls, 'addPhoneContact');
    expect(contact).toMatchObject({ firstName: '林致远', mobilePhoneNumber: '13800138001' });

    await card.tap('载体查询');
    expect(app.top()?.route).toBe('pages/carriers/index');
    expect(app.top()?.query).toMatchObject({ districtId: DEMO.districtId, cardId: DEMO.headCardId });
    expect(app.top()?.render().text).toContain('空置面积核实于');
    (app.fake.wx.navigateBack as (o: unknown) => void)({});
    await app.settle();

    await card.tap('专员名录');
    expect(app.top()?.route).toBe('inquiry/directory/index');
    expect(app.top()?.render().text).toContain('周若岚');
    (app.fake.wx.navigateBack as (o: unknown) => void)({});
    await app.settle();

    await card.tap('留言咨询');
    expect(app.top()?.route).toBe('inquiry/lead-form/index');
    expect(app.top()?.query).toMatchObject({ cardId: DEMO.headCardId });
    expect(app.top()?.render().text).toContain('林致远');

    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });
});

describe('the carriers', () => {
  it('open a carrier’s detail, and from there an inquiry about it', async () => {
    const { app } = world.phone(OPENIDS.investorA);
    const list = await app.start('pages/carriers/index', { districtId: DEMO.districtId, cardId: DEMO.headCardId });
    const first = list.tappables('空置面积核实于').find((n) => n.tag === 'wx-view');
    expect(first).toBeDefined();
    if (first) await list.tapElement(first);
    const detail = app.top();
    expect(detail?.route).toBe('pages/carrier-detail/index');
    const carrierId = detail?.query.carrierId ?? '';
    const carrier = world.cloud.documents('carriers').find((c) => c._id === carrierId);
    expect(carrier).toBeDefined();
    expect(detail?.render().text).toContain(String(carrier?.name));

    await detail?.tap('咨询');
    expect(app.top()?.route).toBe('inquiry/lead-form/index');
    expect(app.top()?.query).toMatchObject({ carrierId });
    expect(app.top()?.render().text.replace(/\s+/g, '')).toContain(`咨询载体：${String(carrier?.name)}`.replace(/\s+/g, ''));
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });
});

describe('the lead form', () => {
  it('filled and submitted from the card, stores exactly one lead for this investor and confirms it', async () => {
    const { app, invocations } = world.phone(OPENIDS.investorB);
    const card = await app.start('pages/card/index', { cardId: DEMO.headCardId });
    await card.tap('留言咨询');
    const form = app.top();
    expect(form?.route).toBe('inquiry/lead-form/index');
    if (!form) return;

    await form.fill('您的姓名', '周女士');
    await form.fill('公司或机构名称', '青禾生物医药');
    await form.fill('如 138 0013 8000', '13900139123');
    await form.tap('生物医药');
    await form.pick('请选择投资规模', 2);
    await form.fill('项目情况', '计划建设研发中心，想了解园区政策');
    await form.tap('我已阅读并同意');
    const before = world.cloud.documents('leads').length;
    await form.tap('提交咨询');

    const leads = world.cloud.documents('leads');
    expect(leads.length).toBe(before + 1);
    const lead = leads.find((l) => (l.contact as { name?: string } | undefined)?.name === '周女士');
    expect(lead).toMatchObject({ contact: { name: '周女士', company: '青禾生物医药' }, need: { industry: '生物医药' }, message: '计划建设研发中心，想了解园区政策' });
    expect(JSON.stringify(lead)).toContain('13900139123');
    expect(JSON.stringify(lead)).toContain(DEMO.headCardId);
    expect(invocations.find((i) => i.action === 'lead.submit')).toMatchObject({ ok: true, seenOpenid: OPENIDS.investorB });
    expect(app.top()?.render().text).toContain('已提交');
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });
});

describe('the staff lead detail', () => {
  it('reveals the contact (audited) and sends a reply the investor reads in 我的咨询', async () => {
    await submitDemoLead(world, 'weapp-sim-actions-0001', { company: '远山新能源', message: '想看看工业用地' });
    const { app } = world.phone(OPENIDS.head);
    const inbox = await app.start('staff/inbox/index');
    await inbox.tap('远山新能源');
    const detail = app.top();
    expect(detail?.route).toBe('staff/lead-detail/index');
    if (!detail) return;
    expect(detail.render().text).not.toContain('13900139000');

    const auditBefore = world.cloud.documents('audit_log').length;
    await detail.tap('查看联系方式');
    expect(detail.render().text).toContain('13900139000');
    const audits = world.cloud.documents('audit_log');
    expect(audits.length).toBe(auditBefore + 1);
    expect(JSON.stringify(audits[audits.length - 1])).toContain('staff-head');

    await detail.fill('回复投资者', '您好，周三上午可以带您实地看地块。');
    await detail.tap('发送回复');
    expect(detail.render().text).toContain('您好，周三上午可以带您实地看地块。');
    expect(world.cloud.documents('lead_events').some((e) => JSON.stringify(e).includes('您好，周三上午可以带您实地看地块。'))).toBe(true);
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);

    const investor = world.phone(OPENIDS.investorA);
    const mine = await investor.app.start('inquiry/my-leads/index', { cardId: DEMO.headCardId });
    expect(mine.render().text).toContain('您好，周三上午可以带您实地看地块。');
  });
});

describe('the poster', () => {
  it('draws the card with its mini-program code on a canvas 2d and saves or shares the exported image', async () => {
    const { app } = world.phone(OPENIDS.commissioner);
    const poster = await app.start('share/poster/index', { cardId: DEMO.commissionerCardId });

    const drawn = app.fake.canvases.flatMap((c) => c.ops);
    expect(drawn.some((op) => op.startsWith('fillText') && op.includes('周若岚'))).toBe(true);
    expect(drawn.filter((op) => op.startsWith('drawImage')).length).toBeGreaterThanOrEqual(1);
    // The code is the share's own mini-program code, made by wxacode.getUnlimited and kept in cloud storage.
    const share = world.cloud.documents('shares').find((s) => s.channel === 'poster' && s.cardId === DEMO.commissionerCardId);
    expect(share).toBeDefined();
    expect(world.cloud.openapi.find((c) => c.api === 'wxacode.getUnlimited')?.args).toMatchObject({ scene: share?.code ?? share?._id });
    expect(world.cloud.openapi.some((c) => c.api === 'uploadFile' && JSON.stringify(c.args).includes('share-codes/'))).toBe(true);

    const [exported] = callsOf(app.calls, 'canvasToTempFilePath');
    expect(exported).toBeDefined();
    await poster.tap('保存到相册');
    const [saved] = callsOf(app.calls, 'saveImageToPhotosAlbum');
    expect(String(saved?.filePath)).toMatch(/^wxfile:\/\/tmp\/canvas-/);
    await poster.tap('发送给朋友');
    expect(String(callsOf(app.calls, 'showShareImageMenu')[0]?.path)).toBe(String(saved?.filePath));
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });
});

describe('share images drawn from the card', () => {
  it('the owner’s editor draws the 5:4 and 1:1 images once; the card’s chat and Moments shares then use them', async () => {
    const owner = world.phone(OPENIDS.commissioner);
    const editor = await owner.app.start('share/my-card/index');
    // Drawn on the page's canvas 2d at exactly the shapes' sizes, exported as JPEG and stored by share.saveImage.
    const drawn = owner.app.fake.canvases.flatMap((c) => c.ops);
    expect(drawn.some((op) => op.startsWith('fillText') && op.includes('周若岚'))).toBe(true);
    const exports = callsOf(owner.app.calls, 'canvasToTempFilePath').map((o) => [o.fileType, o.destWidth, o.destHeight]);
    expect(exports).toEqual([['jpg', 500, 400], ['jpg', 400, 400]]);
    const card = world.cloud.documents('cards').find((c) => c._id === DEMO.commissionerCardId) as { shareImages?: { fingerprint: string; chat: string; moments: string } } | undefined;
    expect(card?.shareImages?.chat).toMatch(new RegExp(`^cloud://.+/share-images/${DEMO.commissionerCardId}/${card?.shareImages?.fingerprint}-chat\\.jpg$`));
    expect(card?.shareImages?.moments).toMatch(/-moments\.jpg$/);
    expect(editor.render().text).toContain('转发名片和分享到朋友圈时，会用下面的图片');
    expect(owner.app.consoleErrors).toEqual([]);

    // Unchanged content: opening the editor again draws nothing.
    const again = world.phone(OPENIDS.commissioner);
    await again.app.start('share/my-card/index');
    expect(callsOf(again.app.calls, 'canvasToTempFilePath')).toEqual([]);

    const { app } = world.phone(OPENIDS.investorA);
    const page = await app.start('pages/card/index', { cardId: DEMO.commissionerCardId });
    const chat = page.call('onShareAppMessage', { from: 'menu' }) as { imageUrl?: string; path?: string };
    const moments = page.call('onShareTimeline') as { imageUrl?: string; query?: string };
    // WeChat's share card takes https, not a cloud file id: the page turned the ids into temp URLs as it loaded.
    expect(chat.imageUrl).toBe(`https://sim.invalid/${encodeURIComponent(card?.shareImages?.chat ?? '')}`);
    expect(moments.imageUrl).toBe(`https://sim.invalid/${encodeURIComponent(card?.shareImages?.moments ?? '')}`);
    expect(chat.path).toContain(`cardId=${DEMO.commissionerCardId}`);
    expect(app.consoleErrors).toEqual([]);
    expect(app.violations).toEqual([]);
  });
});
