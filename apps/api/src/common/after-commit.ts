import { Injectable, Logger } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

type Hook = () => unknown;

const HOOKS = Symbol('partagora.afterCommit');

function take(runner: QueryRunner): Hook[] {
  const data = runner.data as Record<symbol, Hook[] | undefined>;
  const hooks = data[HOOKS] ?? [];
  delete data[HOOKS];
  return hooks;
}

/**
 * Runs `hook` once the transaction `manager` belongs to has committed, never if it rolls back.
 * For side effects that must not run for a change that did not happen (a live push, queueing the
 * outbox rows a handler wrote). Hooks are fire-and-forget: they must not throw and their promises
 * are not awaited, so they never delay the commit's caller. Outside a transaction it runs now.
 */
export function afterCommit(manager: EntityManager, hook: Hook): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    runHook(hook);
    return;
  }
  const data = runner.data as Record<symbol, Hook[] | undefined>;
  (data[HOOKS] ??= []).push(hook);
}

const logger = new Logger('AfterCommit');

function runHook(hook: Hook): void {
  try {
    const result = hook();
    if (result instanceof Promise)
      result.catch((err: Error) => logger.warn(`after-commit hook failed: ${err.message}`));
  } catch (err) {
    logger.warn(`after-commit hook failed: ${(err as Error).message}`);
  }
}

/**
 * TypeORM subscriber running the hooks of `afterCommit`. A savepoint's release also broadcasts
 * "after commit": hooks wait until the outermost transaction is really committed.
 */
@Injectable()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  constructor(ds: DataSource) {
    if (!ds.subscribers.some((s) => s instanceof AfterCommitSubscriber)) ds.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    for (const hook of take(event.queryRunner)) runHook(hook);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) take(event.queryRunner);
  }
}
