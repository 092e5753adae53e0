export enum QueueName {
  Outbox = 'outbox',
}

export enum JobName {
  DeliverOutboxEvent = 'deliver-outbox-event',
}

/** Which queue each job goes to: an unmapped job fails to compile. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DeliverOutboxEvent]: QueueName.Outbox,
};
