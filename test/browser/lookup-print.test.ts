import { describeBrowser, screenshot, startHarness, type Harness } from './harness';
import { lookup } from './lookup-form';

describeBrowser('printable refusal notice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('prints a bilingual notice citing the legal basis and the date, and only the notice', async () => {
    const { page, unexpected } = await h.open('/lookup/');
    await lookup.screen(page, {
      lines: [{ description: 'Cà phê' }, { description: 'Khẩu trang y tế 4 lớp' }],
      destination: ['Hoa Kỳ', 'US'],
      date: '2020-02-10',
    });
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => void (window as unknown as { __printed: number }).__printed++;
    });
    await page.getByRole('button', { name: 'In thông báo / Print notice' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

    const notice = page.locator('#notice');
    expect(await notice.isVisible()).toBe(false); // on screen the clerk sees the answer, not the notice
    await page.emulateMedia({ media: 'print' });
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator('main').isVisible()).toBe(false);
    const text = await notice.innerText();
    for (const words of [
      'THÔNG BÁO KHÔNG CHẤP NHẬN BƯU GỬI',
      'NOTICE OF REFUSAL OF A POSTAL ITEM',
      '10/02/2020 (2020-02-10)',
      'Khẩu trang y tế 4 lớp',
      'Chỉ thị số 05/CT-BTTTT ngày 02/02/2020 của Bộ Thông tin và Truyền thông',
      'Directive 05/CT-BTTTT of 2020-02-02, Ministry of Information and Communications',
      'từ 01/02/2020, đến khi có thông báo mới',
      'from 2020-02-01 until further notice',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Cà phê'); // the accepted line is not on the refusal
    await screenshot(page, 'lookup-notice-print', { fullPage: true });

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(unexpected()).toEqual([]);
  });

  it('offers no refusal notice when the item is accepted', async () => {
    const { page } = await h.open('/lookup/');
    await lookup.screen(page, { lines: [{ description: 'Cà phê' }], destination: ['Hoa Kỳ', 'US'], date: '2020-02-10' });
    expect(await page.locator('#print-notice').count()).toBe(0);
    expect(await page.locator('#notice').innerText()).toBe('');
  });
});
