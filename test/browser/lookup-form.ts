import type { Page } from 'playwright-core';

/** Drives the clerk's form the way a clerk does, through its labels and keys. */
export const lookup = {
  description: (page: Page, line: number) => page.getByRole('textbox', { name: new RegExp(`^(Nội dung hàng hóa|Description), (dòng|line) ${line}$`) }),
  hsCode: (page: Page, line: number) => page.getByRole('textbox', { name: new RegExp(`^(Mã HS|HS code), (dòng|line) ${line}$`) }),

  async fillLines(page: Page, lines: { description: string; hsCode?: string }[]) {
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.locator('#add-line').click();
      await lookup.description(page, i + 1).fill(line.description);
      if (line.hsCode) await lookup.hsCode(page, i + 1).fill(line.hsCode);
    }
  },

  /** Types part of a name into a country picker and takes the highlighted option with Enter. */
  async chooseCountry(page: Page, id: 'destination' | 'origin', typed: string, code: string) {
    const input = page.locator(`#${id}`);
    await input.fill(typed);
    await page.locator(`#${id}-list [role=option][aria-selected=true][data-code=${code}]`).waitFor();
    await input.press('Enter');
    await page.waitForFunction(([sel, c]) => (document.querySelector(sel) as HTMLInputElement).value.endsWith(`(${c})`), [`#${id}`, code] as const);
  },

  /** Fills and submits a declaration; resolves when the answer is on screen. */
  async screen(page: Page, d: { lines: { description: string; hsCode?: string }[]; destination: [string, string]; date?: string }) {
    await lookup.fillLines(page, d.lines);
    await lookup.chooseCountry(page, 'destination', ...d.destination);
    if (d.date) await page.locator('#date').fill(d.date);
    await lookup.description(page, 1).press('Enter');
    await page.locator('#verdict').waitFor();
  },

  verdict: (page: Page) => page.locator('#verdict').getAttribute('data-decision'),
};
