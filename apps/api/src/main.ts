import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Partagora').log(`API listening on http://localhost:${config.port}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : String((err as Error)?.stack ?? err)}\n`,
  );
  process.exit(1);
});
