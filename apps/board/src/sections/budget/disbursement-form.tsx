import { useId, useState } from 'react';
import { Allocation, MemberCoop, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { ActionFooter } from '../../components/action-footer';
import { AmountInput } from '../../components/amount-input';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Pays (part of) an approved allocation, to a supplier or a member coop. The API refuses beyond
 * the allocation or the cash; the page shows its reason.
 */
export function DisbursementForm({
  allocations,
  onDisbursed,
}: {
  allocations: Allocation[];
  /** The allocation paid, and what was disbursed on it before. */
  onDisbursed(allocationId: string, before: string): void;
}) {
  const { api } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const action = useAction();
  const approved = allocations.filter((a) => a.status === 'approved');
  const empty = {
    allocationId: approved[0]?.allocationId ?? '',
    amount: '',
    paidOn: today(),
    name: '',
    coopId: '',
    reference: '',
  };
  const [fields, setFields] = useState(empty);
  const coops = useApi(
    () => api.get<Page<MemberCoop>>('/coops', { status: 'admitted', limit: '500' }),
    [api],
  );
  const id = useId();
  const set = (name: keyof typeof empty) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));
  const chosen = approved.find((a) => a.allocationId === fields.allocationId) ?? approved[0];
  if (!chosen) return null;

  return (
    <details>
      <summary>{m.budget.disburse}</summary>
      <form
        className="stacked"
        onSubmit={action.submit(async (key) => {
          await api.post(
            `/allocations/${chosen.allocationId}/disbursements`,
            {
              amount: { amount: fields.amount, currency: chosen.amount.currency },
              paidOn: fields.paidOn,
              payee: fields.coopId ? { coopId: fields.coopId } : { name: fields.name },
              reference: fields.reference,
            },
            key,
          );
          setFields({ ...empty, allocationId: chosen.allocationId });
          onDisbursed(chosen.allocationId, chosen.disbursed.amount);
          return m.budget.disbursedDone;
        })}
      >
        <label htmlFor={`${id}-allocation`}>{m.budget.disburseAllocation}</label>
        <select id={`${id}-allocation`} value={chosen.allocationId} onChange={set('allocationId')}>
          {approved.map((allocation) => (
            <option key={allocation.allocationId} value={allocation.allocationId}>
              {allocation.title} (
              {format.quantity(allocation.disbursed.amount, allocation.disbursed.currency)} /{' '}
              {format.quantity(allocation.amount.amount, allocation.amount.currency)})
            </option>
          ))}
        </select>
        <AmountInput
          id={id}
          label={t(m.budget.payAmount, { currency: chosen.amount.currency })}
          amount={fields.amount}
          onAmount={set('amount')}
        />
        <label htmlFor={`${id}-paid-on`}>{m.budget.paidOn}</label>
        <input
          id={`${id}-paid-on`}
          type="date"
          required
          value={fields.paidOn}
          onChange={set('paidOn')}
        />
        <label htmlFor={`${id}-name`}>{m.budget.payeeName}</label>
        <input
          id={`${id}-name`}
          maxLength={200}
          required={!fields.coopId}
          disabled={!!fields.coopId}
          value={fields.name}
          onChange={set('name')}
        />
        <label htmlFor={`${id}-coop`}>{m.budget.payeeCoop}</label>
        <select id={`${id}-coop`} value={fields.coopId} onChange={set('coopId')}>
          <option value="">—</option>
          {coops.data?.items.map((coop) => (
            <option key={coop.coopId} value={coop.coopId}>
              {coop.name ?? coop.coopId}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reference`}>{m.budget.reference}</label>
        <input
          id={`${id}-reference`}
          required
          maxLength={200}
          value={fields.reference}
          onChange={set('reference')}
        />
        <ActionFooter action={action} submit={m.budget.disburseSubmit} />
      </form>
    </details>
  );
}
