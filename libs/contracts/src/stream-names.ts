/**
 * Stream names carry the coop they belong to, so that one coop's whole history is one prefix:
 * `coop/<coopId>/<aggregate>/<id>` for a coop's streams, `consortium/<aggregate>/<id>` for the
 * consortium's own. Coop ids are slugs (`velo-solidaire`), so `/` is the separator.
 */
export const COOP_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const COOP_ID_MAX_LENGTH = 63;
const SLUG = new RegExp(COOP_ID_PATTERN);

export function isCoopId(value: string): boolean {
  return SLUG.test(value) && value.length <= COOP_ID_MAX_LENGTH;
}

export function coopStreamPrefix(coopId: string): string {
  assertCoopId(coopId);
  return `coop/${coopId}/`;
}

export function coopStream(coopId: string, aggregate: string, id: string): string {
  return `${coopStreamPrefix(coopId)}${aggregate}/${id}`;
}

export const CONSORTIUM_STREAM_PREFIX = 'consortium/';

export function consortiumStream(aggregate: string, id: string): string {
  return `${CONSORTIUM_STREAM_PREFIX}${aggregate}/${id}`;
}

/** The coop a coop stream belongs to, or null for a consortium stream. */
export function coopOfStream(streamId: string): string | null {
  const match = /^coop\/([^/]+)\//.exec(streamId);
  return match ? match[1] : null;
}

function assertCoopId(coopId: string): void {
  if (!isCoopId(coopId)) throw new Error(`not a coop id (a lowercase slug): ${coopId}`);
}
