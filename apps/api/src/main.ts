import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { OutboxWiringError } from '@partagora/domain';
import { ConfigError, loadConfig } from './config/app-config';
import { checkOutboxWiring } from './outbox-wiring';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  checkOutboxWiring(); // the outbox processor checks the worker's live handlers the same way
  const app = await createHttpApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Partagora').log(`API listening on http://localhost:${config.port}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError || err instanceof OutboxWiringError ? err.message : String((err as Error)?.stack ?? err)}\n`,
  );
  process.exit(1);
});
