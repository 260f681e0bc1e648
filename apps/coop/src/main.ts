import { createApp, listen } from '@libs/http';
import { AppModule } from './app.module';
import { readCoopId } from './coop-id';
import openApiMetadata from './openapi-metadata';

const DEFAULT_PORT = 3001;

async function bootstrap(): Promise<void> {
  const coopId = readCoopId(process.env);
  const app = await createApp(AppModule.forCoop(coopId), {
    title: `Coop app: ${coopId}`,
    serviceName: `coop-${coopId}`,
    openApiMetadata,
    description:
      "A local coop's API: its members and their shares, the resources it shares with the federation, its contributions to the pooled fund.",
  });
  await listen(app, DEFAULT_PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
