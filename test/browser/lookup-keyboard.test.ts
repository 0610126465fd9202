import type { Page } from 'playwright-core';
import { describeBrowser, startHarness, type Harness } from './harness';

/** What has focus, as the test names it: an id, or the class of a line's field. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return el.id || `.${el.className.split(' ')[0]}`;
  });

describeBrowser('clerk lookup page with the keyboard alone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('fills two lines, picks the country, submits with Enter and reaches the print button, focus always visible', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    const k = page.keyboard;
    await page.locator('#destination').waitFor();
    expect(await focused(page)).toBe('.description'); // the first line, ready to type

    await k.type('Khẩu trang y tế 4 lớp');
    await k.press('Tab');
    expect(await focused(page)).toBe('.hs-code');
    await k.press('Tab'); // the only line's remove button is disabled, so out of the way
    expect(await focused(page)).toBe('add-line');
    await k.press('Enter');
    expect(await focused(page)).toBe('.description');
    await k.type('Cà phê');
    await k.press('Tab');
    await k.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Xóa dòng 2');
    await k.press('Tab');
    await k.press('Tab');
    expect(await focused(page)).toBe('destination');
    await k.type('Hoa Kỳ');
    await page.locator('#destination-list [aria-selected=true]').waitFor();
    await k.press('Enter'); // takes the highlighted country, does not submit yet
    expect(await page.locator('#destination').inputValue()).toBe('Hợp chủng quốc Hoa Kỳ (US)');
    expect(await page.locator('#verdict').count()).toBe(0);
    await k.press('Tab');
    expect(await focused(page)).toBe('origin');
    await k.press('Tab');
    expect(await focused(page)).toBe('date');
    // Day and month alike, so the keys mean the same whether the browser shows dd/mm or mm/dd.
    await k.type('02022020');
    expect(await page.locator('#date').inputValue()).toBe('2020-02-02');
    await expect(page.locator('#date-words').innerText()).resolves.toMatch(/2 tháng 2.*2020/);
    await k.press('Enter');
    await page.locator('#verdict').waitFor();
    expect(await page.locator('#verdict').getAttribute('data-decision')).toBe('REJECT');

    await page.locator('#check').focus();
    await k.press('Tab');
    expect(await focused(page)).toBe('clear');
    await k.press('Tab');
    expect(await focused(page)).toBe('print-notice');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(unexpected()).toEqual([]);
  });

  it('moves through the country list with the arrow keys and closes it with Escape', async () => {
    const { page } = await h.open('/lookup/');
    await page.locator('#destination').focus();
    await page.keyboard.type('United');
    const active = () => page.locator('#destination-list [aria-selected=true]').getAttribute('data-code');
    const first = await active();
    await page.keyboard.press('ArrowDown');
    expect(await active()).not.toBe(first);
    expect(await page.locator('#destination').getAttribute('aria-activedescendant')).toBe(`destination-list-${await active()}`);
    await page.keyboard.press('Escape');
    expect(await page.locator('#destination').getAttribute('aria-expanded')).toBe('false');
  });
});
