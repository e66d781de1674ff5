import type { FieldError } from '@leadbridge/core';
import type { Problem } from './types.js';

/** A failed call, as the SDK's LeadbridgeError describes it (status 0: no answer arrived). */
export interface CallFailure {
  status: number;
  code: string;
  detail: string;
  errors: FieldError[];
  /** The whole problem body, for extension members (`current`, `firstRegisteredAt`…). */
  problem: Problem;
}

/** Reads any thrown value as a CallFailure; anything but a LeadbridgeError is a network failure. */
export function failureOf(error: unknown): CallFailure {
  const known = error as Partial<CallFailure> | null;
  if (typeof known?.status === 'number') {
    return {
      status: known.status,
      code: known.code ?? 'http_error',
      detail: known.detail ?? '',
      errors: known.errors ?? [],
      problem: known.problem ?? {},
    };
  }
  return { status: 0, code: 'network_error', detail: String(error), errors: [], problem: {} };
}
