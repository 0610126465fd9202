import { Router, type Request } from 'express';
import type { CatalogStore } from '../../catalog/catalog-store';
import { EditRejected, type EntryEditor } from '../../catalog/entry-editor';
import { fieldError, HttpProblem } from '../problem';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_REASON = 500;

function entryId(req: Request): string {
  const id = String(req.params.id);
  if (!ID.test(id) || id.length > 64) {
    throw new HttpProblem('invalid-request', 'An entry id is lower-case letters, digits and dashes.', [
      fieldError(['id'], 'invalid_string', 'lower-case letters, digits and single dashes'),
    ]);
  }
  return id;
}

/** X-Change-Reason, which may be percent-encoded UTF-8 so that Vietnamese survives HTTP headers. */
function changeReason(req: Request): string {
  const raw = req.get('x-change-reason');
  let reason = raw ?? '';
  try {
    reason = decodeURIComponent(reason);
  } catch {
    // Not percent-encoded: taken as written.
  }
  reason = reason.trim();
  if (!reason || reason.length > MAX_REASON) {
    throw new HttpProblem('invalid-request', 'Every catalog change needs a reason.', [
      fieldError(['X-Change-Reason'], 'required', `the header X-Change-Reason is required (1 to ${MAX_REASON} characters)`),
    ]);
  }
  return reason;
}

function toProblem(err: unknown): unknown {
  if (!(err instanceof EditRejected)) return err;
  const r = err.rejection;
  switch (r.kind) {
    case 'precondition-required':
      return new HttpProblem('precondition-required', 'Read the entry first and send its ETag in If-Match; to create, send If-None-Match: *.');
    case 'precondition-failed':
      return new HttpProblem('precondition-failed', 'Someone changed the entry since you read it: read it again.', [], { currentEtag: r.currentEtag });
    case 'not-found':
      return new HttpProblem('not-found', 'No such catalog entry.');
    case 'invalid':
      return new HttpProblem('invalid-catalog-entry', 'Nothing was written.', r.problems.map((p) => fieldError(p.field ? p.field.split('.') : [], 'invalid', p.message)));
    case 'examples-failed':
      return new HttpProblem('catalog-examples-failed', "Nothing was written: the entry's examples must pass with the entry as sent.", [], {
        failures: r.failures,
      });
    case 'catalog-broken':
      return new HttpProblem('catalog-broken', 'Nothing was written.', [], { problems: r.problems });
    case 'read-only':
      return new HttpProblem('catalog-read-only', 'Nothing was written: this replica mounts the catalog read-only; change it at its source.');
  }
}

/** Catalog administration for compliance officers: read with ETag, write with If-Match and a reason, audit. */
export function adminRoutes(deps: { store: CatalogStore; editor: EntryEditor; log: (obj: object, msg: string) => void }): Router {
  const router = Router();
  const audit = (req: Request, what: object) => deps.log({ officer: req.officer, requestId: req.id, ...what }, 'admin call');

  router.get('/v1/admin/catalog/entries/:id', async (req, res) => {
    const id = entryId(req);
    audit(req, { action: 'read', entryId: id });
    const found = await deps.editor.get(id);
    if (!found) throw new HttpProblem('not-found', `No catalog entry "${id}" on disk.`);
    res.set('ETag', found.etag).set('Cache-Control', 'no-store').json(found.entry);
  });

  router.put('/v1/admin/catalog/entries/:id', async (req, res) => {
    const id = entryId(req);
    const reason = changeReason(req);
    audit(req, { action: 'put', entryId: id });
    const result = await deps.editor
      .put({ id, actor: req.officer!, reason, ifMatch: req.get('if-match'), ifNoneMatch: req.get('if-none-match') }, req.body)
      .catch((err) => Promise.reject(toProblem(err)));
    res.status(result.created ? 201 : 200).set('ETag', result.etag ?? '').json({ version: result.version, entry: result.entry });
  });

  router.delete('/v1/admin/catalog/entries/:id', async (req, res) => {
    const id = entryId(req);
    const reason = changeReason(req);
    audit(req, { action: 'delete', entryId: id });
    const result = await deps.editor
      .delete({ id, actor: req.officer!, reason, ifMatch: req.get('if-match') })
      .catch((err) => Promise.reject(toProblem(err)));
    res.json({ version: result.version });
  });

  router.get('/v1/admin/catalog/audit', async (req, res) => {
    audit(req, { action: 'audit' });
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 1000);
    const entry = typeof req.query.entryId === 'string' ? req.query.entryId : undefined;
    res.set('Cache-Control', 'no-store').json({ records: await deps.store.audit.list({ limit, entryId: entry }) });
  });

  router.post('/v1/admin/catalog/reload', async (req, res) => {
    audit(req, { action: 'reload' });
    const outcome = await deps.store.reload(`admin ${req.officer}`);
    if (!outcome.ok) {
      throw new HttpProblem('catalog-broken', 'The catalog folder does not validate; the last good catalog stays in force.', [], {
        problems: outcome.problems,
        catalog: deps.store.status(),
      });
    }
    res.json({ ...outcome, status: deps.store.status() });
  });
  return router;
}
