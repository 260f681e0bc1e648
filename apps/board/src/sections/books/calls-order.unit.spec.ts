import { FundingApplication } from '../../api/types';
import { callsInOrder } from './calls-order';

const call = (call: string, deadline: string, status: FundingApplication['status'] = 'open') =>
  ({ call, deadline, status }) as FundingApplication;

describe('the funding calls as the board reads them', () => {
  it('puts the open calls due within 30 days first, then the rest by deadline', () => {
    const today = '2027-03-01';
    const order = callsInOrder(
      [
        call('past', '2027-02-01'),
        call('in 60 days', '2027-04-30'),
        call('in 30 days', '2027-03-31'),
        call('decided, in 5 days', '2027-03-06', 'awarded'),
        call('in 5 days', '2027-03-06'),
      ],
      today,
    ).map((c) => c.call);
    expect(order).toEqual(['in 5 days', 'in 30 days', 'past', 'decided, in 5 days', 'in 60 days']);
  });
});
