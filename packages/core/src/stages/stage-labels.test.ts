import {
  DEFAULT_STAGE_LABELS,
  defaultStageLabels,
  resolveStageLabels,
  stageLabel,
  stageLabelsSchema,
} from './stage-labels.js';

describe('stage labels', () => {
  it('has the default English labels', () => {
    expect(DEFAULT_STAGE_LABELS).toEqual({
      new: 'New',
      qualified: 'Qualified',
      unqualified: 'Unqualified',
      closed_won: 'Closed Won',
      closed_lost: 'Closed Lost',
    });
  });

  it("uses a program's renamed label, else the default", () => {
    const labels = { closed_won: 'Signed', qualified: '  SQL  ' };
    expect(stageLabel('closed_won', labels)).toBe('Signed');
    expect(stageLabel('qualified', labels)).toBe('SQL');
    expect(stageLabel('new', labels)).toBe('New');
    expect(stageLabel('new')).toBe('New');
    expect(stageLabel('closed_lost', { closed_lost: '   ' })).toBe('Closed Lost');
  });

  it('falls back to German defaults for the de locale but keeps custom labels', () => {
    expect(stageLabel('closed_won', undefined, 'de')).toBe('Gewonnen');
    expect(stageLabel('closed_won', { closed_won: 'Signed' }, 'de')).toBe('Signed');
    expect(defaultStageLabels('de').unqualified).toBe('Nicht qualifiziert');
  });

  it('resolves a full record', () => {
    expect(resolveStageLabels({ new: 'Submitted' })).toEqual({
      ...DEFAULT_STAGE_LABELS,
      new: 'Submitted',
    });
    expect(resolveStageLabels()).toEqual(DEFAULT_STAGE_LABELS);
  });

  it('validates labels of 1..40 characters for known stages only', () => {
    expect(stageLabelsSchema.safeParse({}).success).toBe(true);
    expect(stageLabelsSchema.safeParse({ closed_won: 'Customer' }).success).toBe(true);
    expect(stageLabelsSchema.safeParse({ closed_won: 'x'.repeat(40) }).success).toBe(true);
    expect(stageLabelsSchema.safeParse({ closed_won: 'x'.repeat(41) }).success).toBe(false);
    expect(stageLabelsSchema.safeParse({ closed_won: '' }).success).toBe(false);
    expect(stageLabelsSchema.safeParse({ won: 'Customer' }).success).toBe(false);
    expect(stageLabelsSchema.safeParse({ new: 3 }).success).toBe(false);
  });
});
