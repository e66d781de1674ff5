import type { ValueTransformer } from 'typeorm';

/**
 * pg returns bigint as a string to avoid precision loss; money in minor units stays far below
 * 2^53, so numbers are safe and much nicer to work with.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
