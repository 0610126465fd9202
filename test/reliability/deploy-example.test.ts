import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadCatalogSource } from '../../src/catalog/load-catalog';
import { buildSnapshot } from '../../src/catalog/snapshot';
import { loadConfig } from '../../src/config';
import { screenDeclaration } from '../../src/screening/screen-declaration';
import { BUNDLED_CATALOG } from '../support/service';
import { ROOT } from './support/child';

// examples/deploy cannot drift: the manifest's catalog loads and refuses a mask, its environment is
// a valid configuration, its probes and mounts line up, and the Dockerfile copies what exists.
const DEPLOY = join(ROOT, 'examples', 'deploy');
type Doc = { kind: string; metadata: { name: string }; data?: Record<string, string>; stringData?: Record<string, string>; spec?: any };

let docs: Doc[];
beforeAll(async () => {
  const parsed = parseAllDocuments(await readFile(join(DEPLOY, 'kubernetes.yaml'), 'utf8'));
  for (const d of parsed) expect(d.errors).toEqual([]);
  docs = parsed.map((d) => d.toJS() as Doc).filter(Boolean);
});

const find = (kind: string) => docs.find((d) => d.kind === kind)!;
const container = () => find('Deployment').spec.template.spec.containers[0];
const env = () => Object.fromEntries(container().env.map((e: { name: string; value: string }) => [e.name, e.value]));
const mountOf = (volume: string) => container().volumeMounts.find((m: { name: string }) => m.name === volume).mountPath as string;

describe('kubernetes.yaml', () => {
  it('holds a Secret, the catalog ConfigMap, a Deployment, a Service and a disruption budget', () => {
    expect(docs.map((d) => d.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Secret', 'Service']);
  });

  it('mounts a ConfigMap that is a valid catalog with the bundled entries, and it refuses a mask', async () => {
    const volume = find('Deployment').spec.template.spec.volumes.find((v: { name: string }) => v.name === 'catalog');
    const data = find('ConfigMap').data!;
    expect(volume.configMap.items.map((i: { key: string }) => i.key).sort()).toEqual(Object.keys(data).sort());
    const dir = await mkdtemp(join(tmpdir(), 'deploy-catalog-'));
    try {
      for (const { key, path } of volume.configMap.items as { key: string; path: string }[]) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), data[key]);
      }
      const loaded = await loadCatalogSource(dir);
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      if (!loaded.ok) return;
      const bundled = await loadCatalogSource(BUNDLED_CATALOG);
      expect(loaded.source.entries.map((e) => e.id).sort()).toEqual(bundled.ok ? bundled.source.entries.map((e) => e.id).sort() : []);
      const decision = screenDeclaration(
        { date: '2020-02-10', event: 'acceptance', origin: 'VN', destination: 'US', documents: [], items: [{ description: 'Khẩu trang y tế 4 lớp' }] },
        buildSnapshot(loaded.source, new Date()),
      );
      expect(decision.decision).toBe('REJECT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('sets an environment that is a valid configuration, tokens file included', async () => {
    const e = env();
    const secret = find('Secret');
    const tokensFile = e.CATALOG_ADMIN_TOKENS_FILE as string;
    expect(dirname(tokensFile)).toBe(mountOf('admin-tokens'));
    const dir = await mkdtemp(join(tmpdir(), 'deploy-env-'));
    try {
      await writeFile(join(dir, 'tokens'), secret.stringData![tokensFile.split('/').pop()!]);
      const config = loadConfig({ ...e, CATALOG_ADMIN_TOKENS_FILE: join(dir, 'tokens') });
      expect(config).toMatchObject({ port: 8080, workers: 1, trustProxy: false, catalogDir: mountOf('catalog') });
      expect(config.adminTokens.length).toBeGreaterThan(0);
      expect(config.historyDir.startsWith(mountOf('history'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('probes liveness on /healthz and readiness on /readyz, on the port the server listens on', () => {
    const c = container();
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.ports[0].containerPort).toBe(Number(env().PORT));
    expect(c.resources.limits).toMatchObject({ memory: expect.any(String), cpu: expect.any(String) });
    expect(find('Service').spec.ports[0].targetPort).toBe(c.ports[0].name);
  });
});

describe('Dockerfile', () => {
  it('copies only what the repository has, and its environment is a valid configuration', async () => {
    const text = await readFile(join(DEPLOY, 'Dockerfile'), 'utf8');
    const sources = [...text.matchAll(/^COPY (?!--from)(?:--chown=\S+ )?(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) expect({ s, exists: existsSync(join(ROOT, s)) }).toEqual({ s, exists: true });
    const envBlock = /^ENV ((?:.*\\\n)*.*)$/m.exec(text)![1];
    const pairs = Object.fromEntries([...envBlock.matchAll(/([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    expect(loadConfig(pairs)).toMatchObject({ catalogDir: '/catalog', historyDir: '/var/lib/screening/history', workers: 1 });
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
  });
});
