/**
 * Limits of the public account endpoints: [hits, window seconds]. Per-email limits stop guessing
 * one account's password; per-IP limits stop one client spraying many accounts.
 */
export const ACCOUNT_RATE_LIMITS = {
  signInPerEmail: [10, 15 * 60],
  signInPerIp: [300, 15 * 60],
  signUpPerIp: [100, 60 * 60],
  acceptInvitationPerIp: [100, 60 * 60],
} as const satisfies Record<string, readonly [number, number]>;
