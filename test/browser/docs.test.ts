import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../src/http/app';
import { describeBrowser, screenshot, startHarness, type Harness } from './harness';

const DOCUMENT = join(ROOT, 'openapi', 'openapi.yaml');

describeBrowser('API reference at /docs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  (existsSync(DOCUMENT) ? it : it.skip)('renders /openapi.yaml with the Swagger UI the service serves, under its policy', async () => {
    const title = (parse(readFileSync(DOCUMENT, 'utf8')) as { info: { title: string } }).info.title;
    const { page, unexpected } = await h.open('/docs/');
    const shown = page.locator('.swagger-ui .info .title');
    await shown.waitFor();
    await expect(shown.innerText()).resolves.toContain(title);
    expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(0);
    expect(await page.locator('#docs-status').isVisible()).toBe(false);
    await screenshot(page, 'docs');
    expect(unexpected()).toEqual([]);
  });

  it('still loads without script errors when the document is not published', async () => {
    const { page, unexpected } = await h.open('/lookup/'); // any page; the next navigation is the one watched
    await page.route('**/openapi.yaml', (route) => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' }));
    await page.goto(`${h.baseUrl}/docs/`);
    await page.locator('#docs-status').filter({ hasText: 'not published yet' }).waitFor();
    expect(await page.locator('.swagger-ui .info').count()).toBe(0);
    expect(unexpected([404])).toEqual([]);
  });
});
