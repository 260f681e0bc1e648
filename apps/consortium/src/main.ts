import { createApp, listen } from '@libs/http';
import { AppModule } from './app.module';
import openApiMetadata from './openapi-metadata';
import { serveBoardPage } from './board-page';

const DEFAULT_PORT = 3000;

async function bootstrap(): Promise<void> {
  const app = await createApp(AppModule, {
    title: 'Consortium app',
    serviceName: 'consortium',
    openApiMetadata,
    description:
      "The consortium's API: member coops, pooled means, budgets and votes, compliance with the model's rules.",
  });
  serveBoardPage(app);
  await listen(app, DEFAULT_PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
