import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** One message, already rendered (plain text and HTML, in the recipient's language). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `X-Partagora-Notification: <id>` so deliveries can be counted. */
  headers?: Record<string, string>;
}

type Transport = ReturnType<typeof createTransport>;

/**
 * Sends e-mail over SMTP (`SMTP_URL`; development: the local sink). `send` resolves once the server
 * accepted the message and throws otherwise, so a caller inside a transaction rolls back and the
 * job is retried. Bounded timeouts: a dead server fails the attempt instead of holding row locks.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private transport: Transport | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter().sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    });
  }

  /**
   * Created on first use: a process that sends nothing opens nothing (the API process sends only
   * account e-mails: confirmation and password-reset links).
   */
  private transporter(): Transport {
    this.transport ??= createTransport({
      url: this.config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.transport;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
