import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type OutgoingMessage = { id: string; to: string; subject: string; body: string };

/** Where requester notifications go: pluggable so a desk can use its own mail relay. */
export interface Transport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Default: one JSON line per message in a file (what a demo or an offline desk needs). */
export function fileTransport(file: string): Transport {
  return {
    name: `file:${file}`,
    async send(message) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify({ ...message, sentAt: new Date().toISOString() })}\n`);
    },
  };
}

/** SMTP through nodemailer, e.g. smtp://user:pass@mail.example.com:587 */
export function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: `smtp:${new URL(url).host}`,
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.body, messageId: `<${message.id}@tierdesk>` });
    },
  };
}
