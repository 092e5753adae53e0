import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AttendeeListQuery,
  type CreateEventInput,
  DomainError,
  type EventListQuery,
  type UpdateEventInput,
  attendeeListQuerySchema,
  attendeePageSchema,
  createEventSchema,
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  imageRefSchema,
  rsvpResultSchema,
  updateEventSchema,
} from '@partagora/domain';
import type { Response } from 'express';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { PhotoUpload, type UploadedPhoto } from '../../common/http/photo-upload';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { EventsService } from './events.service';

const eventId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('EVENT_NOT_FOUND', 'No such event'),
});

/**
 * Set once the calendar is built: an error answered before keeps its JSON content type (a
 * decorator's `Content-Type` would also label the error body as a calendar).
 */
function calendarHeaders(res: Response, filename: string): void {
  res.set({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${filename}"`,
  });
}

/** DESIGN.md §4.1 "Events": public agenda and iCal, RSVPs with a waiting list, organisers' tools. */
@ApiTags('events')
@Controller()
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Public()
  @Get('municipalities/:slug/events.ics')
  @ApiOkResponse({ content: { 'text/calendar': {} } })
  async townCalendar(
    @Param('slug') slug: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.events.townCalendar(slug);
    calendarHeaders(res, 'agenda.ics');
    return body;
  }

  @Public()
  @Get('municipalities/:slug/events')
  @ApiOkResponse({ schema: responseSchema(eventPageSchema) })
  agenda(
    @OptionalUser() user: Principal | null,
    @Param('slug') slug: string,
    @ValidQuery(eventListQuerySchema) q: EventListQuery,
  ) {
    return this.events.agenda(slug, user?.userId ?? null, q);
  }

  @Post('municipalities/:slug/events')
  @RateLimit('event.create')
  @ApiBearerAuth()
  @ApiCreatedResponse({ schema: responseSchema(eventSchema) })
  create(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidBody(createEventSchema) body: CreateEventInput,
  ) {
    return this.events.create(user.userId, slug, body);
  }

  // Before `events/:id`, so `/events/<id>.ics` is the calendar file and not an id "<id>.ics".
  @Public()
  @Get('events/:id.ics')
  @ApiOkResponse({ content: { 'text/calendar': {} } })
  async eventCalendar(
    @Param('id', eventId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.events.eventCalendar(id);
    calendarHeaders(res, 'event.ics');
    return body;
  }

  @Public()
  @Get('events/:id')
  @ApiOkResponse({ schema: responseSchema(eventSchema) })
  get(@OptionalUser() user: Principal | null, @Param('id', eventId) id: string) {
    return this.events.get(id, user?.userId ?? null);
  }

  @Patch('events/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(eventSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', eventId) id: string,
    @ValidBody(updateEventSchema) body: UpdateEventInput,
  ) {
    return this.events.update(user.userId, id, body);
  }

  /** The event's picture through the photo pipeline (re-encoded, no metadata); organisers only. */
  @Post('events/:id/image')
  @PhotoUpload()
  @ApiCreatedResponse({ schema: responseSchema(imageRefSchema) })
  image(
    @CurrentUser() user: Principal,
    @Param('id', eventId) id: string,
    @UploadedFile() file: UploadedPhoto,
  ) {
    return this.events.setImage(user.userId, id, file?.buffer);
  }

  @Post('events/:id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(eventSchema) })
  cancel(@CurrentUser() user: Principal, @Param('id', eventId) id: string) {
    return this.events.cancel(user.userId, id);
  }

  @Post('events/:id/rsvp')
  @HttpCode(200)
  @RateLimit('event.rsvp')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(rsvpResultSchema) })
  rsvp(@CurrentUser() user: Principal, @Param('id', eventId) id: string) {
    return this.events.rsvp(user.userId, id);
  }

  @Delete('events/:id/rsvp')
  @HttpCode(204)
  @RateLimit('event.rsvp')
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async cancelRsvp(@CurrentUser() user: Principal, @Param('id', eventId) id: string) {
    await this.events.cancelRsvp(user.userId, id);
  }

  @Get('events/:id/attendees')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(attendeePageSchema) })
  attendees(
    @CurrentUser() user: Principal,
    @Param('id', eventId) id: string,
    @ValidQuery(attendeeListQuerySchema) q: AttendeeListQuery,
  ) {
    return this.events.attendees(user.userId, id, q);
  }
}
