import { resolve } from 'node:path';
import { Upcaster, Upcasters } from '@libs/event-store';

/**
 * The upcasters exported (`upcasters: Upcaster[]`) by the modules listed in `EVENT_UPCASTERS`
 * (comma-separated paths): an upcaster written to fix parked events can be run by the operator's
 * retry before it ships in a release. Read from the operator's own environment only.
 */
export function loadUpcasters(modules: string | undefined): Upcasters {
  const upcasters = new Upcasters();
  for (const path of (modules ?? '').split(',').map((p) => p.trim())) {
    if (!path) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(resolve(path)) as { upcasters?: Upcaster[] };
    if (!Array.isArray(loaded.upcasters)) {
      throw new Error(`EVENT_UPCASTERS: ${path} exports no \`upcasters\` array`);
    }
    for (const upcaster of loaded.upcasters) upcasters.register(upcaster);
  }
  return upcasters;
}
