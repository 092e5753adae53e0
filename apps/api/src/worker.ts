import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { OutboxWiringError } from '@partagora/domain';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, loggerLevels } from './config/app-config';
import { checkOutboxWiring } from './outbox-wiring';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(); // fail fast with the list of bad variables
  checkOutboxWiring(); // with a plain message; the outbox processor checks its live handlers too
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: loggerLevels(config.logLevel),
  });
  app.enableShutdownHooks();
  new Logger('Partagora').log('worker started');
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError || err instanceof OutboxWiringError ? err.message : String((err as Error)?.stack ?? err)}\n`,
  );
  process.exit(1);
});
