import { ConsortiumUnderTest, startConsortium } from '../consortium/consortium-app';
import { CoopUnderTest, startCoop } from '../coop/coop-app';
import { TestSchemas } from '../support/apps';

/** The consortium and one coop app (Vélo Solidaire) on one store, both with `env`. */
export interface ConsortiumAndCoop {
  consortium: ConsortiumUnderTest;
  coop: CoopUnderTest;
  stop(): Promise<void>;
}

export async function startConsortiumAndCoop(
  schemas: TestSchemas,
  env: NodeJS.ProcessEnv,
): Promise<ConsortiumAndCoop> {
  const [consortium, coop] = await Promise.all([
    startConsortium(schemas, undefined, env),
    startCoop(schemas, 'velo-solidaire', env),
  ]);
  return {
    consortium,
    coop,
    stop: async () => {
      await Promise.all([consortium.app.stop(), coop.app.stop()]);
    },
  };
}
