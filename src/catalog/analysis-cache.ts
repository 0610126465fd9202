import NodeCache from 'node-cache';
import { analyzeItem, type ItemAnalysis } from '../screening/match-item';
import type { Analyze } from '../screening/screen-declaration';
import type { CatalogSnapshot } from './snapshot';

export type CacheStats = { hits: number; misses: number; keys: number };

/**
 * Remembers item analyses by catalog version, HS code and description: counters see the same
 * descriptions all day. Bounded; a full cache simply stops remembering until entries expire.
 */
export class AnalysisCache {
  private readonly cache: NodeCache | null;
  private hits = 0;
  private misses = 0;

  constructor(options: { maxKeys: number; ttlSeconds: number }) {
    this.cache =
      options.maxKeys > 0
        ? new NodeCache({ stdTTL: options.ttlSeconds, checkperiod: Math.min(600, options.ttlSeconds), useClones: false, maxKeys: options.maxKeys })
        : null;
  }

  analyzerFor(snapshot: CatalogSnapshot): Analyze {
    return (description, hsDigits) => {
      const compute = () => analyzeItem(snapshot.index, snapshot.settings.scoring, description, hsDigits);
      if (!this.cache) return compute();
      const key = `${snapshot.version}\u0000${hsDigits ?? ''}\u0000${description}`;
      const found = this.cache.get<ItemAnalysis>(key);
      if (found) {
        this.hits++;
        return found;
      }
      this.misses++;
      const analysis = Object.freeze(compute());
      try {
        this.cache.set(key, analysis);
      } catch {
        // ECACHEFULL: keep answering without remembering.
      }
      return analysis;
    };
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, keys: this.cache?.getStats().keys ?? 0 };
  }

  close(): void {
    this.cache?.close();
  }
}
