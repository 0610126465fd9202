import { describeBrowser, screenshot, startHarness, type Harness } from './harness';
import { lookup } from './lookup-form';

const MASKS = 'Khẩu trang y tế 4 lớp';

describeBrowser('clerk lookup page at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('refuses medical masks to the United States on 2020-02-10, with the legal basis, and the page does not scroll', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.screen(page, {
      lines: [{ description: MASKS }, { description: 'Cà phê rang xay 500 g' }, { description: 'Áo len', hsCode: '6110.20' }],
      destination: ['Hoa Kỳ', 'US'],
      date: '2020-02-10',
    });
    const verdict = page.locator('#verdict');
    expect(await lookup.verdict(page)).toBe('REJECT');
    await expect(verdict.innerText()).resolves.toContain('KHÔNG CHẤP NHẬN');
    expect(await verdict.locator('svg').count()).toBe(1); // an icon, not colour alone
    const line1 = page.locator('.line-result').first();
    expect(await line1.getAttribute('data-caused')).toBe('true');
    const text = await line1.innerText();
    expect(text).toContain(MASKS);
    expect(text).toContain('Khẩu trang y tế');
    expect(text).toContain('05/CT-BTTTT');
    expect(text).toContain('02/02/2020');
    expect(text).toContain('Bộ Thông tin và Truyền thông');
    expect(text).toMatch(/từ 01\/02\/2020, đến khi có thông báo mới/);
    await expect(page.locator('.tell').innerText()).resolves.toMatch(/Không chấp nhận: bưu gửi có mặt hàng/);
    expect(await page.locator('#item-lines li').first().getAttribute('data-decision')).toBe('REJECT');
    expect(await page.locator('.line-result[data-decision=ACCEPT]').count()).toBe(2);

    const fits = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth,
      result: (() => {
        const r = document.getElementById('result')!;
        return r.scrollHeight <= r.clientHeight && r.getBoundingClientRect().bottom <= innerHeight;
      })(),
    }));
    expect(fits).toEqual({ page: true, result: true });
    await screenshot(page, 'lookup-reject');
    expect(unexpected()).toEqual([]);
  });

  it('accepts coffee, found by the English country name', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.screen(page, { lines: [{ description: 'Cà phê' }], destination: ['United States', 'US'], date: '2020-02-10' });
    expect(await lookup.verdict(page)).toBe('ACCEPT');
    await expect(page.locator('#verdict').innerText()).resolves.toContain('CHẤP NHẬN');
    expect(await page.locator('#print-notice').count()).toBe(0);
    await screenshot(page, 'lookup-accept');
    expect(await page.locator('#result-stale').isVisible()).toBe(false);
    await lookup.description(page, 1).fill('Cà phê và khẩu trang y tế');
    expect(await page.locator('#result-stale').isVisible()).toBe(true); // an answer for other contents must not pass for this one
    expect(unexpected()).toEqual([]);
  });

  it('asks the clerk to look when the description is only a generic word', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.screen(page, { lines: [{ description: 'Khẩu trang' }], destination: ['Hoa Kỳ', 'US'], date: '2020-02-10' });
    expect(await lookup.verdict(page)).toBe('REVIEW');
    await expect(page.locator('#verdict').innerText()).resolves.toContain('CẦN KIỂM TRA');
    await expect(page.locator('.line-result .reason').first().innerText()).resolves.toMatch(/kiểm tra/);
    expect(await page.locator('#print-notice').count()).toBe(0);
    expect(unexpected()).toEqual([]);
  });

  it('finds a country typed without diacritics or by a name clerks use', async () => {
    const { page } = await h.open('/lookup/');
    for (const [typed, code] of [['hoa ky', 'US'], ['Mỹ', 'US'], ['han quoc', 'KR'], ['Nhật', 'JP']] as const) {
      await lookup.chooseCountry(page, 'destination', typed, code);
    }
    expect(await page.locator('#destination').inputValue()).toBe('Nhật Bản (JP)');
  });

  it('switches to English and remembers it on the next visit', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('#check').innerText()).resolves.toBe('Check');
    await page.reload();
    await page.locator('#destination').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await lookup.screen(page, { lines: [{ description: MASKS }], destination: ['United States', 'US'], date: '2020-02-10' });
    await expect(page.locator('#verdict').innerText()).resolves.toContain('DO NOT ACCEPT');
    await expect(page.locator('.line-result').first().innerText()).resolves.toContain('Directive 05/CT-BTTTT of 2020-02-02');
    await screenshot(page, 'lookup-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(page.locator('#verdict').innerText()).resolves.toContain('KHÔNG CHẤP NHẬN');
    expect(unexpected()).toEqual([]);
  });

  it('defaults the date to today in Asia/Ho_Chi_Minh, whatever the PC clock zone', async () => {
    const { page } = await h.open('/lookup/', { timezoneId: 'America/Los_Angeles' });
    const hanoi = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(await page.locator('#date').inputValue()).toBe(hanoi);
  });

  it("shows the service's field errors next to the field they name", async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.fillLines(page, [{ description: 'Cà phê', hsCode: '12' }]);
    await lookup.chooseCountry(page, 'destination', 'Hoa Kỳ', 'US');
    await page.locator('#check').click();
    const hs = lookup.hsCode(page, 1);
    await page.locator('#item-lines .cell .field-error').waitFor();
    expect(await hs.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await hs.getAttribute('aria-describedby');
    await expect(page.locator(`#${describedBy}`).innerText()).resolves.toMatch(/Mã HS chưa hợp lệ.*not an HS code/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hs-code'))).toBe(true);
    expect(unexpected([400])).toEqual([]);
  });

  it('asks for a description and a country without calling the service', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    let calls = 0;
    page.on('request', (r) => (r.url().endsWith('/v1/screenings') ? calls++ : 0));
    await page.locator('#check').click();
    await expect(page.locator('.field-error').allInnerTexts()).resolves.toEqual(['Nhập nội dung hàng hóa.', 'Chọn một nước trong danh sách.']);
    expect(calls).toBe(0);
    expect(unexpected()).toEqual([]);
  });
});

describeBrowser('clerk lookup page: a refusal that names no field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ MAX_BODY_BYTES: '1024' });
  });
  afterAll(() => h?.close());

  it('says what went wrong in Vietnamese first, with the service detail after it', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    const long = (n: number) => `Quà tặng gia đình số ${n}: ${'bánh kẹo, trà, cà phê và đồ lưu niệm '.repeat(9)}`.slice(0, 400);
    await lookup.fillLines(page, [{ description: long(1) }, { description: long(2) }, { description: long(3) }]);
    await lookup.chooseCountry(page, 'destination', 'Hoa Kỳ', 'US');
    await page.locator('#date').fill('2020-02-10');
    await lookup.description(page, 1).press('Enter');
    const errors = page.locator('#form-errors');
    await expect(errors.getByText('Nội dung yêu cầu quá lớn').waitFor()).resolves.toBeUndefined();
    await expect(errors.innerText()).resolves.toMatch(/^Nội dung yêu cầu quá lớn \(.+\)$/);
    expect(await page.locator('#verdict').count()).toBe(0);
    expect(unexpected([413])).toEqual([]);
  });
});
