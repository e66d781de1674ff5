import type { Lead } from '../../api/types.js';
import type { ViewContext } from '../navigation.js';

/** A lead's name as the partner reads it: first and last name, else the email. */
export function leadName(lead: Pick<Lead, 'firstName' | 'lastName' | 'email'>): string {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email;
}

/** The program's name for a lead's stage, else the API's. */
export function stageLabel(lead: Lead, context: ViewContext): string {
  return context.stageLabels[lead.stage] ?? lead.stageLabel;
}
