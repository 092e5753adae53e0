import { Injectable } from '@nestjs/common';

/** The time, injected so rules and tests agree on "now". */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
