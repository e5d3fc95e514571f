/**
 * Client-side rate limits per resource, as controller-runtime has them: it builds one REST client
 * per resource type, each with its own token bucket, so writes to Deployments do not wait behind
 * writes to ConfigMaps or to the CRs' status. Here one {@link ResourceLimits} holds one
 * {@link TokenBucket} per resource (`group/resource`), created lazily with the same qps/burst; a
 * subresource (`/status`, `/scale`) counts with its resource, as client-go's status write goes
 * through the resource's own REST client.
 */
import type { Clock } from '../clock.ts';
import { TokenBucket } from '../token-bucket.ts';

/**
 * The limiter key of an API path (no query): `apps/deployments`, `configmaps` (core group),
 * `demo.ork.dev/webapps`. A path that names no resource (`/version`, `/apis`, discovery) maps
 * to `''`, one shared bucket for those. Namespaced paths (`.../namespaces/<ns>/<resource>/...`)
 * and the `namespaces` resource itself (`/api/v1/namespaces/<name>[/status]`) are told apart by
 * the segment count, as the API server's request-info parser does.
 */
export function resourceKey(path: string): string {
  const segs = path.split('/').filter((s) => s !== '');
  let rest: string[];
  let group: string;
  if (segs[0] === 'api' && segs.length >= 3) {
    group = '';
    rest = segs.slice(2); // after /api/<version>
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    group = segs[1] ?? '';
    rest = segs.slice(3); // after /apis/<group>/<version>
  } else {
    return '';
  }
  // `namespaces/<ns>/<resource>...` is a namespaced resource; `namespaces[/<name>[/<sub>]]` alone
  // (fewer than 3 segments) is the Namespace resource itself.
  const resource = rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '') ? rest[2] : rest[0];
  return group === '' ? (resource ?? '') : `${group}/${resource ?? ''}`;
}

/** Subresources of a Namespace (`/api/v1/namespaces/<name>/status`), not namespaced resources. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** One token bucket per resource key, created on first use with the same qps and burst. */
export class ResourceLimits {
  readonly #qps: number;
  readonly #burst: number;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, TokenBucket>();

  /** `qps <= 0` means unlimited (no bucket is ever created). */
  constructor(qps: number, burst: number, clock: Clock) {
    this.#qps = qps;
    this.#burst = burst;
    this.#clock = clock;
  }

  /** Takes one token from the bucket of `path`'s resource; returns the wait in ms (0 = now). */
  reserve(path: string): number {
    if (this.#qps <= 0) return 0;
    const key = resourceKey(path);
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#qps, this.#burst, this.#clock);
      this.#buckets.set(key, bucket);
    }
    return bucket.reserve();
  }

  /** The resource keys that have a bucket so far (for tests and diagnostics). */
  keys(): string[] {
    return [...this.#buckets.keys()];
  }
}
