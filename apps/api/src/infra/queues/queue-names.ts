export enum QueueName {
  Outbox = 'outbox',
  Reminders = 'reminders',
  Digest = 'digest',
  Reviews = 'reviews',
  Posts = 'posts',
}

export enum JobName {
  DeliverOutboxEvent = 'deliver-outbox-event',
  ExchangeReminder = 'exchange-reminder',
  SendDigests = 'send-digests',
  ReviewTimer = 'review-timer',
  PostAlert = 'post-alert',
}

/** Which queue each job goes to: an unmapped job fails to compile. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DeliverOutboxEvent]: QueueName.Outbox,
  [JobName.ExchangeReminder]: QueueName.Reminders,
  [JobName.SendDigests]: QueueName.Digest,
  [JobName.ReviewTimer]: QueueName.Reviews,
  [JobName.PostAlert]: QueueName.Posts,
};
