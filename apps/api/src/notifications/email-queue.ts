/** The pg-boss queue that sends one outbox email. */
export const EMAIL_QUEUE = 'email.send';

export interface EmailJob {
  emailId: string;
}
