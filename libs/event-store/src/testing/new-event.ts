import { randomUUID } from 'node:crypto';
import { NewEvent } from '../envelope';

/**
 * An event ready to append, as a command of `coopId` would record it: fresh event, correlation and
 * causation ids each time, so that two calls are two distinct events.
 */
export function newEvent(
  coopId: string | null,
  type = 'MemberAdmitted',
  data: unknown = {},
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: { coopId, actor: 'admin-1', correlationId: randomUUID(), causationId: randomUUID() },
  };
}
