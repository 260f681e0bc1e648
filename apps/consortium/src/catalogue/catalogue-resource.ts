import {
  coopOfStream,
  coopStream,
  RESOURCE_AGGREGATE,
  ResourceEvent,
  ResourceKind,
  ResourceTerms,
  Theme,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** A resource some coop shares with the federation; withdrawn ones stay, marked, for history. */
export interface CatalogueResource {
  /** `coop/<coopId>/resource/<resourceId>`: unique across coops. */
  streamId: string;
  coopId: string;
  resourceId: string;
  kind: ResourceKind;
  title: string;
  description: string | null;
  themes: Theme[];
  terms: ResourceTerms;
  sharedOn: string;
  withdrawnOn: string | null;
}

export const CATALOGUE_EVENT_TYPES = [
  'ResourceShared',
  'ResourceWithdrawn',
] as const satisfies ResourceEvent['type'][];

/** The resource's stream, when the event lies on a resource stream of the coop it names. */
export function catalogueResourceOf(event: RecordedEvent): string | null {
  const coopId = coopOfStream(event.streamId);
  const resourceId = (event.data as { resourceId?: unknown }).resourceId;
  return coopId &&
    typeof resourceId === 'string' &&
    event.streamId === coopStream(coopId, RESOURCE_AGGREGATE, resourceId)
    ? event.streamId
    : null;
}

export function evolveCatalogueResource(
  resource: CatalogueResource | undefined,
  recorded: RecordedEvent,
  streamId: string,
): CatalogueResource | null {
  const event = recorded as unknown as ResourceEvent;
  switch (event.type) {
    case 'ResourceShared': {
      const { resourceId, kind, title, description, themes, terms, sharedOn } = event.data;
      return {
        streamId,
        coopId: coopOfStream(streamId)!,
        resourceId,
        kind,
        title,
        description,
        themes,
        terms,
        sharedOn,
        withdrawnOn: null,
      };
    }
    case 'ResourceWithdrawn':
      return resource ? { ...resource, withdrawnOn: event.data.withdrawnOn } : null;
  }
}
