import { Router } from 'express';
import { getNames } from 'i18n-iso-countries';
import type { CatalogStore } from '../../catalog/catalog-store';
import type { EntryFile } from '../../catalog/schema';
import { HttpProblem } from '../problem';

function summary(e: EntryFile) {
  return {
    id: e.id,
    names: e.names,
    description: e.description,
    hsCodes: e.hsCodes,
    rules: e.rules,
  };
}

/** The catalog in force, for counter software, clerks and officers; and the country list for forms. */
export function catalogRoutes(store: CatalogStore): Router {
  const router = Router();
  const countries = (() => {
    const vi = getNames('vi');
    const en = getNames('en');
    return Object.keys(en)
      .map((code) => ({ code, vi: vi[code] ?? en[code], en: en[code] }))
      .sort((a, b) => a.en.localeCompare(b.en));
  })();

  router.get('/v1/catalog', (_req, res) => {
    const status = store.status();
    const snapshot = store.current();
    if (!snapshot) throw new HttpProblem('not-ready', 'No valid catalog is loaded.', [], { catalog: status });
    res.json({
      version: snapshot.version,
      builtAt: snapshot.builtAt,
      status,
      jurisdiction: snapshot.settings.jurisdiction,
      scoring: snapshot.settings.scoring,
      entries: snapshot.source.entries.map(summary),
    });
  });

  router.get('/v1/catalog/entries/:id', (req, res) => {
    const snapshot = store.current();
    if (!snapshot) throw new HttpProblem('not-ready', 'No valid catalog is loaded.');
    const entry = snapshot.source.entries.find((e) => e.id === req.params.id);
    if (!entry) throw new HttpProblem('not-found', `No catalog entry "${req.params.id}".`);
    res.json({ version: snapshot.version, entry });
  });

  router.get('/v1/countries', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').json({ countries });
  });
  return router;
}
