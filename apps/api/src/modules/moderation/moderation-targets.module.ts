import { Module } from '@nestjs/common';
import { ModerationTargets } from './moderation-targets';

/**
 * The registry alone (one instance however many modules import it), so an owner module
 * registers its type without importing the moderation module, which reads through the registry
 * and imports no owner module.
 */
@Module({ providers: [ModerationTargets], exports: [ModerationTargets] })
export class ModerationTargetsModule {}
