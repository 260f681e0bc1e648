import { randomUUID } from 'node:crypto';
import {
  COOP_SCHEMA_VERSIONS,
  coopStream,
  INCUBATION_AGGREGATE,
  IncubationHistoryEvent,
} from '@libs/contracts';
import { EventStore, NO_STREAM, RecordedEvent } from '@libs/event-store';
import { today } from '@libs/api-conventions';
import {
  BundleBytes,
  BundleSummary,
  forEachEntry,
  ImportReport,
  verifiedEntries,
} from '@libs/portability';
import { evolveIncubatedProject, IncubatedProject, incubatedProjectOf } from '../consortium/src';
import { IncubationHistory, incubationHistoryDecider } from '../coop/src';

export type IncubationReceipt =
  /** The bundle holds no project that graduated as its coop. */
  | { outcome: 'none' }
  /** Signed by a key no one vouched for (no --expect-key): not taken as the consortium's word. */
  | { outcome: 'unchecked'; projectId: string }
  | { outcome: 'received' | 'already received'; projectId: string; name: string };

/**
 * A graduated project's bundle carries the coop's pre-history as the consortium's events, which
 * stay in the consortium's streams (the coop's store takes only its own). The coop keeps its own
 * record of them: one `IncubationHistoryReceived` in its `incubation` stream, folded from the
 * verified events as the consortium folds them, without the project's contact person. Recorded
 * once: importing again writes nothing.
 */
export async function receiveIncubationHistory(
  open: () => BundleBytes,
  store: EventStore,
  options: { expectKey?: string; imported: ImportReport },
): Promise<IncubationReceipt> {
  const { imported } = options;
  // Only the consortium writes a project's events: a coop's own bundle is not read again.
  if (imported.signer.party !== 'consortium' || imported.consortiumEvents === 0) {
    return { outcome: 'none' };
  }
  const { summary, project } = await graduatedProject(open, options.expectKey);
  if (summary.sealHash !== imported.sealHash) {
    throw new Error('the bundle changed while it was being imported');
  }
  if (!project?.graduation) return { outcome: 'none' };
  const { projectId, name } = project;
  if (!summary.signer.checked) {
    return { outcome: 'unchecked', projectId };
  }
  const history = historyOf(project, summary);
  const stream = coopStream(history.coopId, INCUBATION_AGGREGATE, history.coopId);
  let state = incubationHistoryDecider.initialState();
  let version = 0;
  for await (const event of store.readStream(stream)) {
    state = incubationHistoryDecider.evolve(state, event as unknown as IncubationHistoryEvent);
    version = event.streamVersion;
  }
  const events = incubationHistoryDecider.decide(
    { type: 'ReceiveIncubationHistory', history },
    state,
  );
  if (events.length === 0) return { outcome: 'already received', projectId, name };
  const correlationId = randomUUID();
  await store.appendToStream(
    stream,
    events.map(({ type, data }) => ({
      eventId: randomUUID(),
      type,
      schemaVersion: COOP_SCHEMA_VERSIONS[type],
      data,
      metadata: {
        coopId: history.coopId,
        actor: 'operator',
        correlationId,
        causationId: correlationId,
      },
    })),
    version === 0 ? NO_STREAM : version,
  );
  return { outcome: 'received', projectId, name };
}

/** The project in the bundle that graduated as the bundle's coop, folded from its events. */
async function graduatedProject(open: () => BundleBytes, expectKey: string | undefined) {
  const projects = new Map<string, IncubatedProject>();
  let coopId = '';
  const summary = await forEachEntry(verifiedEntries(open(), { expectKey }), async (entry) => {
    if (entry.kind === 'manifest') coopId = entry.manifest.coopId;
    if (entry.kind !== 'event') return;
    const event = entry.event as unknown as RecordedEvent;
    const projectId = incubatedProjectOf(event);
    if (projectId === null) return;
    const project = evolveIncubatedProject(projects.get(projectId), event);
    if (project) projects.set(projectId, project);
  });
  const project = [...projects.values()].find((one) => one.graduation?.coopId === coopId);
  return { summary, project };
}

function historyOf(project: IncubatedProject, summary: BundleSummary): IncubationHistory {
  const { legalForm, graduatedOn } = project.graduation!;
  return {
    coopId: summary.manifest.coopId,
    projectId: project.projectId,
    receivedOn: today(),
    bundle: { sealHash: summary.sealHash, signedBy: summary.signer.fingerprint },
    name: project.name,
    themes: project.themes,
    territory: project.territory,
    stages: project.stages.map((spell) => ({ ...spell, to: spell.to ?? graduatedOn })),
    support: project.support,
    funds: project.funds,
    graduation: { legalForm, graduatedOn },
  };
}
