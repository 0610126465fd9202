/**
 * A typed client for counter software: screens a CN22/CN23 declaration and prints the decision and
 * its reasons in Vietnamese, as a clerk reads them. Types come from the OpenAPI document
 * (src/http/generated/openapi.d.ts), so a change to the contract breaks this file at compile time.
 *
 *   npx tsx examples/client/screen-client.ts examples/requests/mask-reject.json [http://localhost:8080]
 */
import { readFile } from 'node:fs/promises';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../../src/http/generated/openapi';

export type Declaration = components['schemas']['Declaration'];
export type Screening = components['schemas']['Screening'];
export type Problem = components['schemas']['Problem'];
export type ScreeningClient = Client<paths>;

export type Outcome = { ok: true; screening: Screening } | { ok: false; status: number; problem: Problem };

const DECISION_VI: Record<Screening['decision'], string> = {
  ACCEPT: 'CHẤP NHẬN',
  REVIEW: 'CẦN KIỂM TRA',
  REJECT: 'KHÔNG CHẤP NHẬN',
};

// The service explains field errors in English; the codes a clerk meets most get Vietnamese words.
const FIELD_CODE_VI: Record<string, string> = {
  invalid_s10_check_digit: 'Số hiệu bưu gửi (S10) sai chữ số kiểm tra',
  invalid_s10: 'Số hiệu bưu gửi không đúng dạng S10 (ví dụ RR123456785VN)',
  invalid_date: 'Ngày không có thật hoặc sai định dạng',
};

export function screeningClient(baseUrl: string, fetchImpl?: typeof fetch): ScreeningClient {
  return createClient<paths>({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/** Screens one declaration, optionally against a past catalog version (to replay a decision). */
export async function screen(client: ScreeningClient, declaration: Declaration, catalogVersion?: string): Promise<Outcome> {
  const { data, error, response } = await client.POST('/v1/screenings', {
    body: declaration,
    params: { query: catalogVersion ? { catalogVersion } : {} },
  });
  if (data) return { ok: true, screening: data };
  return { ok: false, status: response.status, problem: error };
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** The decision, each item's reasons and the legal basis of the rules applied, in Vietnamese. */
export function decisionInVietnamese(s: Screening): string[] {
  const lines = [`Kết quả: ${DECISION_VI[s.decision]} (${s.decision})`, s.summary.vi];
  lines.push(`Ngày xét: ${viDate(s.date)} (giờ ${s.timeZone}); danh mục phiên bản ${s.catalog.version}`);
  if (s.itemId) lines.push(`Số hiệu bưu gửi: ${s.itemId}`);
  for (const item of s.items) {
    lines.push(`Hàng ${item.index + 1}: ${DECISION_VI[item.decision]}`);
    for (const r of item.reasons) lines.push(`  - ${r.message.vi}`);
    for (const rule of item.rules) {
      const until = rule.effective.to ? ` đến trước ngày ${viDate(rule.effective.to)}` : '';
      const basis = rule.legalBasis.map((b) => `${b.number} ngày ${viDate(b.date)} của ${b.issuer.vi}`).join('; ');
      lines.push(`  Căn cứ: ${basis} (áp dụng từ ngày ${viDate(rule.effective.from)}${until})`);
    }
  }
  return lines;
}

/** A refused request, in Vietnamese where the code is known. */
export function problemInVietnamese(status: number, p: Problem): string[] {
  const lines = [`Yêu cầu bị từ chối (${status}): ${p.detail ?? p.title}`];
  for (const e of p.errors ?? []) lines.push(`  - ${e.field}: ${FIELD_CODE_VI[e.code] ?? e.message}`);
  lines.push(`Mã yêu cầu để tra cứu: ${p.requestId}`);
  return lines;
}

export function outcomeInVietnamese(o: Outcome): string[] {
  return o.ok ? decisionInVietnamese(o.screening) : problemInVietnamese(o.status, o.problem);
}

async function main(args: string[]): Promise<number> {
  const [file = 'examples/requests/mask-reject.json', baseUrl = 'http://localhost:8080'] = args;
  const declaration = JSON.parse(await readFile(file, 'utf8')) as Declaration;
  const outcome = await screen(screeningClient(baseUrl), declaration);
  console.log(outcomeInVietnamese(outcome).join('\n'));
  return outcome.ok ? 0 : 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(`Không gọi được dịch vụ kiểm tra: ${(err as Error).message}`);
      process.exitCode = 1;
    },
  );
}
