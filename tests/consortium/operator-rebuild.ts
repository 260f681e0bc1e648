import { runCli } from '../portability/operator-cli';
import { DATABASE_URL, TestSchemas } from '../support/apps';
import { ConsortiumUnderTest, startConsortium } from './consortium-app';

/**
 * What an operator's rebuild from the first event makes of the store of `schemas`
 * (`npm run cli -- projections rebuild`, into a fresh read-model schema), served by a new
 * consortium app: the reference a consortium that lived through crashes must equal.
 */
export async function rebuiltConsortium(schemas: TestSchemas): Promise<ConsortiumUnderTest> {
  const fresh = schemas.readModels();
  const cli = await runCli(['projections', 'rebuild', '--app', 'consortium', '--schema', fresh], {
    DATABASE_URL,
    EVENT_STORE_URL: DATABASE_URL,
    EVENT_STORE_SCHEMA: schemas.eventStore,
  });
  expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' });
  return startConsortium(schemas, fresh);
}
