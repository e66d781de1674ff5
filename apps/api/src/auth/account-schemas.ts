import { EMAIL_MAX_LENGTH, isValidEmail } from '@leadbridge/core';
import { z } from 'zod/mini';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';

/** Emails are compared trimmed and lower-cased everywhere (core's normalizeEmail does the same). */
export const emailSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`),
    z.refine(isValidEmail, 'must be an email address'),
  );

export const passwordSchema = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
    z.maxLength(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
  );

/** A person's or company's display name. */
export const displayNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'is required'),
    z.maxLength(200, 'must be at most 200 characters'),
  );

export const userRoleSchema = z.enum(['owner', 'admin', 'member']);
