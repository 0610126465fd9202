import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { outcomeInVietnamese, screen, screeningClient, type Declaration, type ScreeningClient } from '../../examples/client/screen-client';
import { CLOCK, readJson, REQUESTS } from '../../examples/regenerate';
import { startTestService, type TestService } from '../support/service';

// The typed example client against a live service on an ephemeral port: real HTTP, real fetch.

const ROOT = resolve(__dirname, '..', '..');
let service: TestService;
let server: Server;
let baseUrl: string;
let client: ScreeningClient;

beforeAll(async () => {
  service = await startTestService({ clock: () => CLOCK });
  server = service.app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = screeningClient(baseUrl);
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await service.cleanup();
});

const request = async (name: string) => (await readJson(join(REQUESTS, `${name}.json`))) as Declaration;

describe('prints the decision and its reasons in Vietnamese', () => {
  const cases: [string, { given: string; want: string[] }][] = [
    ['masks to the United States', {
      given: 'mask-reject',
      want: [
        'Kết quả: KHÔNG CHẤP NHẬN (REJECT)',
        'Số hiệu bưu gửi: RR123456785VN',
        'Hàng 1: KHÔNG CHẤP NHẬN',
        '  Căn cứ: …/STTTT-BCVT ngày 03/02/2020 của Sở Thông tin và Truyền thông tỉnh Sơn La; 05/CT-BTTTT ngày 02/02/2020 của Bộ Thông tin và Truyền thông (áp dụng từ ngày 01/02/2020)',
      ],
    }],
    ['coffee to Japan', { given: 'coffee-accept', want: ['Kết quả: CHẤP NHẬN (ACCEPT)', 'Hàng 2: CHẤP NHẬN', '  - Không phát hiện hàng hạn chế gửi. Được chấp nhận.'] }],
    ['a vague gift', { given: 'vague-review', want: ['Kết quả: CẦN KIỂM TRA (REVIEW)', '  - Nội dung khai báo quá chung chung để kiểm tra. Đề nghị người gửi ghi rõ tên hàng hoặc mở kiểm tra.'] }],
    ['a New York evening that is 1 February in Hanoi', { given: 'date-time-offset', want: ['Kết quả: KHÔNG CHẤP NHẬN (REJECT)', expect.stringMatching(/^Ngày xét: 01\/02\/2020 \(giờ Asia\/Ho_Chi_Minh\)/)] as string[] }],
    ['a wrong S10 check digit', {
      given: 'bad-s10',
      want: ['Yêu cầu bị từ chối (400): The declaration has invalid fields.', '  - itemId: Số hiệu bưu gửi (S10) sai chữ số kiểm tra'],
    }],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const lines = outcomeInVietnamese(await screen(client, await request(given)));
    expect(lines).toEqual(expect.arrayContaining(want));
  });
});

it('replays a decision with the catalog version it names, and refuses one never published', async () => {
  const first = await screen(client, await request('mask-reject'));
  if (!first.ok) throw new Error(first.problem.title);
  const again = await screen(client, await request('mask-reject'), first.screening.catalog.version);
  const unknown = await screen(client, await request('mask-reject'), '0123456789abcdef');
  expect({
    again: again.ok && again.screening.decision,
    unknown: !unknown.ok && { status: unknown.status, type: unknown.problem.type },
  }).toEqual({ again: 'REJECT', unknown: { status: 404, type: '/problems/unknown-catalog-version' } });
});

it('runs from the command line against a service', async () => {
  const run = promisify(execFile);
  const cli = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const { stdout } = await run(process.execPath, [cli, 'examples/client/screen-client.ts', 'examples/requests/today-dispatch.json', baseUrl], { cwd: ROOT });
  expect(stdout.split('\n').slice(0, 3)).toEqual([
    'Kết quả: KHÔNG CHẤP NHẬN (REJECT)',
    'Không chấp nhận: bưu gửi có mặt hàng đang tạm dừng gửi ra nước ngoài.',
    `Ngày xét: 10/02/2020 (giờ Asia/Ho_Chi_Minh); danh mục phiên bản ${service.store.current()!.version}`,
  ]);
});
