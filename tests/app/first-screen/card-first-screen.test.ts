import { renderCardFirstScreen } from '../../../src/first-screen/card-first-screen';
import { aCardView, aPerson } from '../support/card-view.mother';

const render = (html: string): HTMLElement => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};

describe('the card first screen (plain HTML before the app loads)', () => {
  it('shows the district, its intro and industries, and the card owner with a working call link', () => {
    const root = render(renderCardFirstScreen(aCardView({ contact: null })));
    expect(root.querySelector('.district-hero__name')?.textContent).toBe('临江新区');
    expect(root.querySelector('.district-hero__slogan')?.textContent).toBe('产城融合新高地，智造未来看临江');
    expect(root.querySelector('.expandable-text__body')?.textContent).toContain('长江经济带');
    expect([...root.querySelectorAll('.tag-list__tag')].map((t) => t.textContent)).toEqual(['智能制造', '生物医药', '数字经济']);
    expect(root.querySelector('.tag-list__tag--accent')?.textContent).toBe('智能制造');
    expect(root.querySelector('.contact-card__name')?.textContent).toBe('王建国');
    expect(root.querySelector('.contact-card__unit')?.textContent).toBe('临江新区投资促进局');
    expect(root.querySelector('a.contact-card__call')?.getAttribute('href')).toBe('tel:057187654321');
    expect(root.querySelector('.contact-card__wechat')?.textContent).toBe('linjiang_wjg');
    expect(root.querySelector('.contact-card__note')?.textContent).toBe('1 个工作日内回复咨询');
    expect(root.querySelector('.demo-banner')).not.toBeNull();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('完整名片加载中…');
  });

  it('on an English page, marks the Chinese shown for want of English as Chinese (lang="zh"), and nothing else', () => {
    const view = aCardView({
      contact: null,
      greeting: 'Welcome',
      fallbackZh: [],
      district: {
        ...aCardView().district,
        slogan: 'Where industry and city grow together',
        intro: 'Linjiang New Area lies at the heart of the Yangtze River Economic Belt.',
        keyIndustries: ['Smart manufacturing', '生物医药', 'Digital economy'],
        fallbackZh: ['name', 'keyIndustries.1'],
      },
      owner: aPerson({ name: 'Wang Jianguo', title: 'Director', fallbackZh: ['unitName'] }),
    });
    const root = render(renderCardFirstScreen(view, 'en'));
    const zh = [...root.querySelectorAll('[lang="zh"]')].map((el) => [el.className, el.getAttribute('data-content-lang')]);
    expect(zh).toEqual([
      ['district-hero__name', 'zh'],
      ['tag-list__tag', 'zh'],
      ['contact-card__unit', 'zh'],
    ]);
    // Each is followed (a tag: closed) by the visible «中文» mark, where the app's ChineseMark will stand.
    const marks = [...root.querySelectorAll('[data-testid="chinese-mark"]')];
    expect(marks.map((m) => [m.textContent, m.getAttribute('aria-label')])).toEqual(Array(3).fill(['中文', 'Available in Chinese only']));
    expect(marks.map((m) => (m.previousElementSibling ?? m.parentElement)?.className)).toEqual(['district-hero__name', 'tag-list__tag', 'contact-card__unit']);
    // Nothing else on it is Chinese but the dimmed language switch's own «中文».
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-content-lang="zh"], [data-testid="chinese-mark"], .language-switch').forEach((el) => el.remove());
    expect(copy.textContent).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('in Chinese, shows no «中文» mark at all', () => {
    const root = render(renderCardFirstScreen(aCardView({ contact: null }), 'zh'));
    expect(root.querySelectorAll('[data-testid="chinese-mark"]')).toHaveLength(0);
  });

  it('shows who answers inquiries when the owner hands them to an on-duty commissioner', () => {
    const root = render(renderCardFirstScreen(aCardView()));
    const cards = root.querySelectorAll('.contact-card');
    expect(cards).toHaveLength(2);
    expect(cards[1].querySelector('.contact-card__name')?.textContent).toBe('李晓雯');
    expect(cards[1].querySelector('a.contact-card__call')?.getAttribute('href')).toBe('tel:13800001234');
    // The promise is stated once, under who answers.
    expect(cards[0].querySelector('.contact-card__note')).toBeNull();
    expect(cards[1].querySelector('.contact-card__note')?.textContent).toBe('1 个工作日内回复咨询');
  });

  it('says a private number is private and offers no call link', () => {
    const root = render(renderCardFirstScreen(aCardView({ contact: null, owner: aPerson({ phone: null, wechatId: null }) })));
    expect(root.querySelector('.contact-card__private')?.textContent).toBe('联系方式未公开');
    expect(root.querySelector('a[href^="tel:"]')).toBeNull();
    // Nothing to save, so no 下载名片 in the pending grid either.
    expect([...root.querySelectorAll('.action-grid__label')].map((l) => l.textContent)).toEqual(['载体查询', '专员名录', '留言咨询']);
  });

  it('loads web-reachable images only: bundled and https, never a cloud file id', () => {
    const bundled = render(renderCardFirstScreen(aCardView({ district: { ...aCardView().district, coverImage: '/assets/district/cover.svg' } })));
    expect(bundled.querySelector('img.district-hero__cover')?.getAttribute('src')).toBe('/assets/district/cover.svg');
    expect(bundled.querySelector('img.district-hero__cover')?.getAttribute('fetchpriority')).toBe('high');
    const cloud = render(
      renderCardFirstScreen(aCardView({ district: { ...aCardView().district, coverImage: 'cloud://env/cover.png' }, owner: aPerson({ photo: 'cloud://env/me.png' }) })),
    );
    expect(cloud.querySelector('img.district-hero__cover')).toBeNull();
    expect(cloud.querySelector('.avatar__initial')?.textContent).toBe('王');
  });

  it('escapes every text it shows: card content cannot become markup', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const html = renderCardFirstScreen(
      aCardView({
        greeting: evil,
        district: { ...aCardView().district, name: evil, slogan: evil, intro: evil, keyIndustries: [evil], coverImage: 'https://x.example/a.png" onerror="alert(1)' },
        owner: aPerson({ name: evil, title: evil, unitName: evil, phone: evil, wechatId: evil }),
      }),
    );
    const root = render(html);
    expect(root.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(root.querySelectorAll('img:not(.district-hero__cover):not(.action-grid__icon-image)')).toHaveLength(0);
    expect(root.querySelector('.district-hero__name')?.textContent).toBe(evil);
    expect(root.querySelector('img.district-hero__cover')?.getAttribute('src')).toBe('https://x.example/a.png" onerror="alert(1)');
  });

  it('clamps a long intro as the app does', () => {
    const long = '临'.repeat(97);
    const root = render(renderCardFirstScreen(aCardView({ district: { ...aCardView().district, intro: long } })));
    expect(root.querySelector('.expandable-text__body--clamped')).not.toBeNull();
  });
});
