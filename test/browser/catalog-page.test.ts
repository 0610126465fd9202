import type { Page } from 'playwright-core';
import { OFFICER_TOKEN, OTHER_TOKEN } from '../support/service';
import { describeBrowser, screenshot, startHarness, type Harness } from './harness';

type Entry = { rules: { id: string; effective: { from: string; to: string | null } }[]; examples: { reject: unknown[] } };
const RULE = 'vn-outbound-suspension-2020';

async function signIn(page: Page, token = OFFICER_TOKEN) {
  await page.locator('#token').fill(token);
  await page.locator('#token').press('Enter');
}

/** Opens an entry in the page's editor and gives its JSON as the officer sees it. */
async function openEntry(page: Page, id: string): Promise<Entry> {
  await page.locator(`#entry-${id} .edit`).click();
  await page.waitForFunction(() => (document.getElementById('entry-json') as HTMLTextAreaElement).value.startsWith('{'));
  return JSON.parse(await page.locator('#entry-json').inputValue());
}

/** Waits until the element shows the text (answers arrive after the click), then gives its text. */
async function shown(page: Page, selector: string, text: string | RegExp): Promise<string> {
  const el = page.locator(selector).filter({ hasText: text });
  await el.waitFor();
  return el.innerText();
}

async function saveAs(page: Page, entry: Entry, reason: string) {
  await page.locator('#entry-json').fill(JSON.stringify(entry, null, 2));
  await page.locator('#change-reason').fill(reason);
  await page.locator('#save-entry').click();
}

describeBrowser('officer catalog page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('lists entries with names, HS codes by strength, rule windows on a timeline and exemptions', async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await page.locator('#entry-medical-masks').waitFor();
    const masks = page.locator('#entry-medical-masks');
    const text = await masks.innerText();
    expect(text).toContain('Khẩu trang y tế');
    expect(text).toContain('Medical masks');
    expect(await masks.locator('.hs-codes [data-strength=decisive] .code').allInnerTexts()).toEqual(['6307.90.40']);
    expect(await masks.locator('.hs-codes [data-strength=indicative] .code').count()).toBeGreaterThan(0);
    const rule = masks.locator(`[data-rule="${RULE}"]`);
    await expect(rule.locator('.window-range').innerText()).resolves.toBe('01/02/2020 → đến khi có thông báo mới');
    await expect(rule.locator('.window-state').innerText()).resolves.toBe('đang áp dụng');
    expect(await rule.locator('.bar').getAttribute('data-open')).toBe('true');
    await expect(rule.innerText()).resolves.toMatch(/Miễn trừ:/);
    await expect(rule.innerText()).resolves.toContain('05/CT-BTTTT');
    expect(await page.locator('.entry').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#audit-locked').innerText()).resolves.toContain('Nhập mã truy cập');
    await screenshot(page, 'catalog');
    expect(unexpected()).toEqual([]);
  });

  it("records an officer's edit, ending the mask rule on 2020-03-01, in the audit and on the timeline", async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await signIn(page);
    await page.locator('.audit-record').first().waitFor();
    const entry = await openEntry(page, 'medical-masks');
    entry.rules.find((r) => r.id === RULE)!.effective.to = '2020-03-01';
    const reason = 'Kết thúc tạm dừng theo công văn mới <b>số 12</b>';
    await saveAs(page, entry, reason);
    await page.locator('#editor-status .notice-ok').waitFor();

    const newest = page.locator('.audit-record').first();
    await page.waitForFunction((r) => document.querySelector('.audit-record .audit-reason')?.textContent === r, reason);
    const record = await newest.innerText();
    expect(record).toContain('Nguyễn Văn An');
    expect(record).toContain('medical-masks');
    expect(record).toMatch(/sửa/);
    expect(record).toMatch(/rules\[\d+\]\.effective\.to: null → "2020-03-01"/);
    expect(await newest.locator('.audit-reason b').count()).toBe(0); // the reason's markup stays text
    const rule = `#entry-medical-masks [data-rule="${RULE}"]`;
    expect(await shown(page, `${rule} .window-range`, 'trước')).toBe('01/02/2020 → trước 01/03/2020');
    await expect(page.locator(`${rule} .window-state`).innerText()).resolves.toBe('đã hết hiệu lực');

    const served = (await (await fetch(`${h.baseUrl}/v1/catalog`)).json()) as { entries: { id: string; rules: Entry['rules'] }[] };
    expect(served.entries.find((e) => e.id === 'medical-masks')!.rules.find((r) => r.id === RULE)!.effective.to).toBe('2020-03-01');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'catalog-after-edit', { fullPage: true });
    expect(unexpected()).toEqual([]);
  });

  it('keeps the token in sessionStorage only, and says so next to the field when it is wrong', async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await signIn(page);
    await page.locator('#token-status').filter({ hasText: 'Mã hợp lệ' }).waitFor();
    const stored = await page.evaluate(() => ({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) }));
    expect(stored.session).toContain(OFFICER_TOKEN);
    expect(stored.local).not.toContain(OFFICER_TOKEN);

    await signIn(page, 'not-a-valid-token-at-all');
    await shown(page, '#token-form .field-error', 'Mã không hợp lệ');
    expect(await page.locator('.audit-record').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(unexpected([401])).toEqual([]);
  });

  it('requires a reason before calling the service', async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await signIn(page);
    await openEntry(page, 'medical-gloves');
    let puts = 0;
    page.on('request', (r) => (r.method() === 'PUT' ? puts++ : 0));
    await page.locator('#save-entry').click();
    await shown(page, '#editor-form .field-error', 'Nhập lý do thay đổi');
    expect(await page.locator('#change-reason').getAttribute('aria-invalid')).toBe('true');
    expect(puts).toBe(0);
    expect(unexpected()).toEqual([]);
  });

  it('explains a 412 when another officer saved first, and reopens the latest version', async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await signIn(page);
    const mine = await openEntry(page, 'medical-masks');
    // Another officer changes the same entry through the API meanwhile.
    const url = `${h.baseUrl}/v1/admin/catalog/entries/medical-masks`;
    const read = await fetch(url, { headers: { Authorization: `Bearer ${OTHER_TOKEN}` } });
    const theirs = (await read.json()) as Entry;
    theirs.rules.find((r) => r.id === RULE)!.effective.to = '2020-06-01';
    const put = await fetch(url, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${OTHER_TOKEN}`, 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag')!, 'X-Change-Reason': 'other officer' },
      body: JSON.stringify(theirs),
    });
    expect(put.status).toBe(200);

    mine.rules.find((r) => r.id === RULE)!.effective.to = '2020-04-01';
    await saveAs(page, mine, 'my late change');
    await shown(page, '#editor-problems', 'Người khác đã sửa mục này');
    await page.getByRole('button', { name: 'Mở bản mới nhất' }).click();
    await page.waitForFunction(() => (document.getElementById('entry-json') as HTMLTextAreaElement).value.includes('2020-06-01'));
    expect(await page.locator('#editor-problems').innerText()).toBe('');
    expect(unexpected([412])).toEqual([]);
  });

  it("lists the service's 422 findings: invalid fields, and examples that no longer hold", async () => {
    const { page, unexpected } = await h.open('/catalog/');
    await signIn(page);
    const entry = await openEntry(page, 'medical-masks');
    await saveAs(page, { ...entry, rules: 'none' } as unknown as Entry, 'broken on purpose');
    expect(await shown(page, '#editor-problems', 'Mục chưa hợp lệ')).toMatch(/Mục chưa hợp lệ[\s\S]*rules/);
    expect(await page.locator('#entry-json').getAttribute('aria-invalid')).toBe('true');

    entry.examples.reject.push('Cà phê sữa đá');
    await saveAs(page, entry, 'an example that cannot hold');
    await shown(page, '#editor-problems', /Ví dụ «Cà phê sữa đá» phải là từ chối nhưng được đọc là chấp nhận/);
    expect(unexpected([422])).toEqual([]);
  });
});
