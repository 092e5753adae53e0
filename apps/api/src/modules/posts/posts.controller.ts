import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CreatePostInput,
  DomainError,
  type PostListQuery,
  type PostOpenedInput,
  type PushSubscriptionInput,
  type PushUnsubscribeInput,
  type SubscribersQuery,
  type UpdatePostInput,
  createPostSchema,
  postListQuerySchema,
  postOpenedResultSchema,
  postOpenedSchema,
  postReachSchema,
  postSchema,
  postsPageSchema,
  pushSubscribedSchema,
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  subscribersQuerySchema,
  subscribersSchema,
  updatePostSchema,
  vapidPublicKeySchema,
} from '@partagora/domain';
import type { Request, Response } from 'express';
import { AccessVerifier, bearerToken } from '../../common/auth/access-verifier';
import { CurrentUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { WebPushSender } from '../../infra/push/web-push.sender';
import { PostsFeed } from './posts.feed';
import { PostsService } from './posts.service';

const postId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('POST_NOT_FOUND', 'No such post'),
});

/** DESIGN.md §4.1 "Town news": public reading, staff writing, alerts and their reach. */
@ApiTags('posts')
@Controller()
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly feed: PostsFeed,
    private readonly verifier: AccessVerifier,
    private readonly push: WebPushSender,
  ) {}

  /** On a public route: the signed-in caller if a token came with the request (401 if it is bad). */
  private async caller(req: Request): Promise<string | null> {
    const token = bearerToken(req.header('authorization'));
    return token ? (await this.verifier.verify(token)).userId : null;
  }

  /** Published posts, newest first; `status` scheduled, unpublished or all for that town's staff. */
  @Public()
  @Get('municipalities/:slug/posts')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(postsPageSchema) })
  async list(
    @Req() req: Request,
    @Param('slug') slug: string,
    @ValidQuery(postListQuerySchema) q: PostListQuery,
  ) {
    return this.posts.list(slug, q, await this.caller(req));
  }

  /** RSS 2.0 of the published posts (the 50 newest). */
  @Public()
  @Get('municipalities/:slug/posts.rss')
  @ApiProduces('application/rss+xml')
  @ApiOkResponse({ description: 'RSS 2.0 document', schema: { type: 'string' } })
  async rss(
    @Param('slug') slug: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const xml = await this.feed.rss(slug);
    // Set once the feed exists: an error keeps the JSON error body and its type.
    res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    return xml;
  }

  @ApiBearerAuth()
  @Post('municipalities/:slug/posts')
  @ApiCreatedResponse({ schema: responseSchema(postSchema) })
  create(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidBody(createPostSchema) body: CreatePostInput,
  ) {
    return this.posts.create(user.userId, slug, body);
  }

  @Public()
  @Get('posts/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(postSchema) })
  async get(@Req() req: Request, @Param('id', postId) id: string) {
    return this.posts.get(id, await this.caller(req));
  }

  @ApiBearerAuth()
  @Patch('posts/:id')
  @ApiOkResponse({ schema: responseSchema(postSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', postId) id: string,
    @ValidBody(updatePostSchema) body: UpdatePostInput,
  ) {
    return this.posts.update(user.userId, id, body);
  }

  /** Withdraws a post from readers (kept for the staff list and the reach figures). */
  @ApiBearerAuth()
  @Post('posts/:id/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(postSchema) })
  unpublish(@CurrentUser() user: Principal, @Param('id', postId) id: string) {
    return this.posts.unpublish(user.userId, id);
  }

  @ApiBearerAuth()
  @Delete('posts/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: Principal, @Param('id', postId) id: string): Promise<void> {
    await this.posts.unpublish(user.userId, id);
  }

  @ApiBearerAuth()
  @Get('posts/:id/reach')
  @ApiOkResponse({ schema: responseSchema(postReachSchema) })
  reach(@CurrentUser() user: Principal, @Param('id', postId) id: string) {
    return this.posts.reach(user.userId, id);
  }

  /** The read receipt a post page sends when opened (`via` and `token` from its link). */
  @Public()
  @Post('posts/:id/opened')
  @HttpCode(200)
  @RateLimit('post.opened')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(postOpenedResultSchema) })
  async opened(
    @Req() req: Request,
    @Param('id', postId) id: string,
    @ValidBody(postOpenedSchema) body: PostOpenedInput,
  ) {
    return this.posts.opened(id, body, await this.caller(req));
  }

  /** A browser subscribes to the town's alerts (no account needed); idempotent per endpoint. */
  @Public()
  @Post('municipalities/:slug/push-subscriptions')
  @RateLimit('push.subscribe')
  @ApiCreatedResponse({ schema: responseSchema(pushSubscribedSchema) })
  subscribe(
    @Param('slug') slug: string,
    @ValidBody(pushSubscriptionSchema) body: PushSubscriptionInput,
  ) {
    return this.posts.subscribe(slug, body);
  }

  @Public()
  @Delete('municipalities/:slug/push-subscriptions')
  @HttpCode(204)
  @RateLimit('push.subscribe')
  @ApiNoContentResponse()
  async unsubscribe(
    @Param('slug') slug: string,
    @ValidBody(pushUnsubscribeSchema) body: PushUnsubscribeInput,
  ): Promise<void> {
    await this.posts.unsubscribe(slug, body.endpoint);
  }

  /** The key browsers pass to `pushManager.subscribe` as `applicationServerKey`. */
  @Public()
  @Get('push/vapid-public-key')
  @ApiOkResponse({ schema: responseSchema(vapidPublicKeySchema) })
  vapidPublicKey() {
    return { publicKey: this.push.publicKey };
  }

  /** Subscribers per day and channel (that town's staff). */
  @ApiBearerAuth()
  @Get('municipalities/:slug/subscribers')
  @ApiOkResponse({ schema: responseSchema(subscribersSchema) })
  subscribers(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidQuery(subscribersQuerySchema) q: SubscribersQuery,
  ) {
    return this.posts.subscribers(user.userId, slug, q);
  }
}
