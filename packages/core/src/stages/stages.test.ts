import fc from 'fast-check';
import {
  allowedTransitions,
  canTransition,
  isLeadStage,
  isPartnerEditableStage,
  LEAD_STAGES,
  type LeadStage,
  leadStageSchema,
  NOTIFY_PARTNER_STAGES,
  nextStage,
  STAGE_TRANSITIONS,
  shouldNotifyPartner,
} from './stages.js';

const ALLOWED: ReadonlyArray<readonly [LeadStage, LeadStage]> = [
  ['new', 'qualified'],
  ['new', 'unqualified'],
  ['new', 'closed_won'],
  ['new', 'closed_lost'],
  ['qualified', 'unqualified'],
  ['qualified', 'closed_won'],
  ['qualified', 'closed_lost'],
  ['unqualified', 'qualified'],
  ['closed_lost', 'qualified'],
];

const isAllowed = (from: LeadStage, to: LeadStage) =>
  ALLOWED.some(([a, b]) => a === from && b === to);

describe('lead stages', () => {
  it('lists the five canonical stages in order', () => {
    expect(LEAD_STAGES).toEqual(['new', 'qualified', 'unqualified', 'closed_won', 'closed_lost']);
  });

  const pairs = LEAD_STAGES.flatMap((from) => LEAD_STAGES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s follows the transition table', (from, to) => {
    expect(canTransition(from, to)).toBe(isAllowed(from, to));
  });

  it('covers all 25 pairs, 9 of them allowed', () => {
    expect(pairs).toHaveLength(25);
    expect(pairs.filter(([from, to]) => canTransition(from, to))).toHaveLength(9);
  });

  it('reports allowed transitions per stage', () => {
    expect(allowedTransitions('new')).toEqual([
      'qualified',
      'closed_won',
      'closed_lost',
      'unqualified',
    ]);
    expect(allowedTransitions('qualified')).toEqual(['closed_won', 'closed_lost', 'unqualified']);
    expect(allowedTransitions('unqualified')).toEqual(['qualified']);
    expect(allowedTransitions('closed_lost')).toEqual(['qualified']);
    expect(allowedTransitions('closed_won')).toEqual([]);
    expect(STAGE_TRANSITIONS.closed_won).toEqual([]);
  });

  it('names the natural next stage: qualify a new lead, win a qualified one, reopen a closed one', () => {
    expect(nextStage('new')).toBe('qualified');
    expect(nextStage('qualified')).toBe('closed_won');
    expect(nextStage('unqualified')).toBe('qualified');
    expect(nextStage('closed_lost')).toBe('qualified');
    expect(nextStage('closed_won')).toBeNull();
    for (const stage of LEAD_STAGES) {
      const next = nextStage(stage);
      if (next) expect(canTransition(stage, next)).toBe(true);
    }
  });

  it('refuses transitions to the same stage', () => {
    for (const stage of LEAD_STAGES) expect(canTransition(stage, stage)).toBe(false);
  });

  it('treats only closed_won as final', () => {
    expect(LEAD_STAGES.filter((stage) => nextStage(stage) === null)).toEqual(['closed_won']);
  });

  it('refuses unknown stages at runtime', () => {
    const bogus = 'archived' as LeadStage;
    expect(canTransition(bogus, 'qualified')).toBe(false);
    expect(canTransition('new', bogus)).toBe(false);
    expect(canTransition('new', '__proto__' as LeadStage)).toBe(false);
    expect(canTransition('toString' as LeadStage, 'new')).toBe(false);
    expect(allowedTransitions(bogus)).toEqual([]);
    expect(isLeadStage('closed_won')).toBe(true);
    expect(isLeadStage('Closed Won')).toBe(false);
    expect(isLeadStage(3)).toBe(false);
  });

  it('notifies partners on qualified, closed_won and closed_lost only', () => {
    expect(NOTIFY_PARTNER_STAGES).toEqual(['qualified', 'closed_won', 'closed_lost']);
    expect(LEAD_STAGES.filter(shouldNotifyPartner)).toEqual([
      'qualified',
      'closed_won',
      'closed_lost',
    ]);
  });

  it('lets partners edit only new and qualified leads', () => {
    expect(LEAD_STAGES.filter(isPartnerEditableStage)).toEqual(['new', 'qualified']);
  });

  it('has a zod enum accepting exactly the stages', () => {
    for (const stage of LEAD_STAGES) expect(leadStageSchema.safeParse(stage).success).toBe(true);
    expect(leadStageSchema.safeParse('won').success).toBe(false);
  });

  it('never leaves LEAD_STAGES or closed_won under random transition attempts', () => {
    const attempt = fc.oneof(
      fc.constantFrom(...LEAD_STAGES),
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString', ''),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAD_STAGES),
        fc.array(attempt, { maxLength: 60 }),
        (start, attempts) => {
          let stage: LeadStage = start;
          let won = stage === 'closed_won';
          for (const next of attempts) {
            if (canTransition(stage, next as LeadStage)) stage = next as LeadStage;
            expect(LEAD_STAGES).toContain(stage);
            if (won) expect(stage).toBe('closed_won');
            won ||= stage === 'closed_won';
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
