import { consortiumStatus } from './consortium-status';

const admitted = { admittedOn: '2027-01-15', settledOn: null };

describe('where the coop stands with the consortium', () => {
  it('is an applicant from its application until the board admits it', () => {
    expect(consortiumStatus('none', null)).toBe('none');
    expect(consortiumStatus('applied', null)).toBe('applicant');
    expect(consortiumStatus('applied', admitted)).toBe('admitted');
  });

  it('is withdrawing from its notice until the board settles, then withdrawn', () => {
    expect(consortiumStatus('withdrawal_requested', admitted)).toBe('withdrawing');
    expect(consortiumStatus('withdrawal_requested', { ...admitted, settledOn: '2027-06-30' })).toBe(
      'withdrawn',
    );
  });

  it('is admitted when the board admitted a coop it incubated, which never applied here', () => {
    expect(consortiumStatus('none', admitted)).toBe('admitted');
  });
});
