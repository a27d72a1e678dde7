import { allowedNextStatuses, canTransition, isOpen, LEAD_STATUSES, progressStage } from '../../domain/lead/lead-status.rules';

describe('lead status machine', () => {
  it('follows the pipeline forward', () => {
    expect(canTransition('new', 'contacted')).toBe(true);
    expect(canTransition('contacted', 'site_visit')).toBe(true);
    expect(canTransition('site_visit', 'negotiating')).toBe(true);
    expect(canTransition('negotiating', 'signed')).toBe(true);
    expect(canTransition('signed', 'landed')).toBe(true);
  });

  it('refuses skipping first contact, going back, and leaving landed', () => {
    expect(canTransition('new', 'signed')).toBe(false);
    expect(canTransition('negotiating', 'contacted')).toBe(false);
    expect(allowedNextStatuses('landed')).toEqual([]);
    expect(canTransition('signed', 'invalid')).toBe(false);
  });

  it('an invalid lead can be reopened as contacted only', () => {
    expect(allowedNextStatuses('invalid')).toEqual(['contacted']);
  });

  it('no status transitions to itself', () => {
    for (const s of LEAD_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('progress stage orders the pipeline and scores invalid as 0', () => {
    expect(progressStage('new')).toBe(0);
    expect(progressStage('landed')).toBe(5);
    expect(progressStage('invalid')).toBe(0);
    expect(isOpen('negotiating')).toBe(true);
    expect(isOpen('landed')).toBe(false);
  });

  it('a lead is open until it lands or is marked invalid', () => {
    expect(LEAD_STATUSES.filter(isOpen)).toEqual(['new', 'contacted', 'site_visit', 'negotiating', 'signed']);
  });
});
