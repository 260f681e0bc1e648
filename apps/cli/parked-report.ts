import { ParkedEvent } from '@libs/projections';

/**
 * The parked events as the operator reads them: one line each, tab-separated (view, position,
 * event id, type, when), then its error indented; a closing count per view.
 */
export function printParked(parked: ParkedEvent[], print: (line: string) => void): void {
  if (parked.length === 0) {
    print('no parked events');
    return;
  }
  const perView = new Map<string, number>();
  for (const event of parked) {
    perView.set(event.projection, (perView.get(event.projection) ?? 0) + 1);
    const retried = event.retries > 0 ? `\tretried ${event.retries}×` : '';
    print(
      [
        event.projection,
        `position ${event.globalPosition}`,
        event.eventId,
        event.eventType,
        event.parkedAt.toISOString(),
      ].join('\t') + retried,
    );
    print(`    ${event.error}`);
  }
  for (const [view, count] of perView) print(`${view}: ${count} parked`);
}
