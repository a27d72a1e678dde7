import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WeChat shows "this page cannot be shared" unless the page config enables sharing, whatever hooks the page
 * has (a Taro 4 pitfall). Static check of the pages investors share from.
 */
const SHARED_PAGES = ['pages/card', 'pages/carrier-detail', 'inquiry/directory'];
const ROOT = join(__dirname, '../..');

describe('page configs of shareable pages', () => {
  it.each(SHARED_PAGES)('%s enables chat and Moments sharing and registers both hooks', (page) => {
    const config = readFileSync(join(ROOT, 'src', page, 'index.config.ts'), 'utf8');
    expect(config).toMatch(/enableShareAppMessage:\s*true/);
    expect(config).toMatch(/enableShareTimeline:\s*true/);
    const source = readFileSync(join(ROOT, 'src', page, 'index.tsx'), 'utf8');
    expect(source).toMatch(/useShareAppMessage\(/);
    expect(source).toMatch(/useShareTimeline\(/);
  });

  it('the shell declares privacy checks', () => {
    expect(readFileSync(join(ROOT, 'src/app.config.ts'), 'utf8')).toMatch(/__usePrivacyCheck__:\s*true/);
  });
});
