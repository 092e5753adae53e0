import { Global, Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

/** Rate limits shared by every API process (the worker has none). */
@Global()
@Module({
  providers: [RateLimitService],
  exports: [RateLimitService],
})
export class RateLimitModule {}
