import nodemailer, { type Transporter } from 'nodemailer';

/** Outgoing mail and the public address links point at (from BATON_SMTP_URL, BATON_MAIL_FROM, BATON_PUBLIC_URL). */
export type MailSettings = {
  /** smtp://user:pass@host:587 or smtps://…; null turns e-mail off. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Where users reach Baton, e.g. https://baton.example.org; links in mails and feeds start with it. */
  publicUrl: string | null;
};

export type OutgoingMail = {
  to: readonly string[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
};

/** Sends e-mail over SMTP with nodemailer; a no-op switch when no SMTP server is configured. */
export class Mailer {
  private transport: Transporter | null = null;
  private settings: MailSettings = { smtpUrl: null, mailFrom: 'Baton <baton@localhost>', publicUrl: null };

  /** Set once at start-up (tests configure their own SMTP server). */
  configure(settings: MailSettings): void {
    this.settings = settings;
    this.transport?.close();
    // The URL carries the password: it goes to nodemailer only, never to a log line or an error text.
    this.transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** An absolute link for a path in the web app (the path alone when no public URL is set). */
  link(path: string): string {
    const base = this.settings.publicUrl?.replace(/\/+$/, '');
    return base ? `${base}${path}` : path;
  }

  get publicUrl(): string | null {
    return this.settings.publicUrl;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured (BATON_SMTP_URL)');
    try {
      await this.transport.sendMail({
        from: this.settings.mailFrom,
        to: [...mail.to],
        subject: mail.subject,
        text: mail.text,
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      });
    } catch (e) {
      // SMTP errors may echo the command sent; keep only the server's reply code and message.
      const err = e as { responseCode?: number; response?: string; code?: string; message?: string };
      const why = err.response ?? err.code ?? 'the mail server refused the message';
      throw new Error(
        `E-mail not sent: ${err.responseCode ? `${err.responseCode} ` : ''}${why}`.slice(0, 500),
      );
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
