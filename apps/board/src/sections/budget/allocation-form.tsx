import { useId, useState } from 'react';
import { THEMES } from '@libs/contracts';
import { Currency, MemberCoop, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { ActionFooter } from '../../components/action-footer';
import { AmountInput } from '../../components/amount-input';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

const EMPTY = {
  title: '',
  purpose: '',
  theme: '',
  beneficiaryCoopId: '',
  amount: '',
  currency: 'EUR',
};

/** Proposes spending pooled money on a purpose; the board then votes on it. */
export function AllocationForm({ periodId, onProposed }: { periodId: string; onProposed(): void }) {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  const action = useAction();
  const [fields, setFields] = useState(EMPTY);
  const coops = useApi(
    () => api.get<Page<MemberCoop>>('/coops', { status: 'admitted', limit: '500' }),
    [api],
  );
  const id = useId();
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));

  return (
    <details>
      <summary>{m.budget.propose}</summary>
      <form
        className="stacked"
        onSubmit={action.submit(async (key) => {
          await api.post(
            `/budgets/${encodeURIComponent(periodId)}/allocations`,
            {
              title: fields.title,
              purpose: fields.purpose,
              theme: fields.theme || undefined,
              beneficiaryCoopId: fields.beneficiaryCoopId || undefined,
              amount: { amount: fields.amount, currency: fields.currency as Currency },
            },
            key,
          );
          setFields(EMPTY);
          onProposed();
          return m.budget.proposed;
        })}
      >
        <label htmlFor={`${id}-title`}>{m.budget.proposeTitle}</label>
        <input
          id={`${id}-title`}
          required
          maxLength={200}
          value={fields.title}
          onChange={set('title')}
        />
        <label htmlFor={`${id}-purpose`}>{m.budget.purpose}</label>
        <textarea
          id={`${id}-purpose`}
          required
          maxLength={2000}
          value={fields.purpose}
          onChange={set('purpose')}
        />
        <label htmlFor={`${id}-theme`}>{m.budget.theme}</label>
        <select id={`${id}-theme`} value={fields.theme} onChange={set('theme')}>
          <option value="">{m.budget.anyTheme}</option>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {m.themes[theme]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-beneficiary`}>{m.budget.beneficiary}</label>
        <select
          id={`${id}-beneficiary`}
          value={fields.beneficiaryCoopId}
          onChange={set('beneficiaryCoopId')}
        >
          <option value="">{m.budget.noBeneficiary}</option>
          {coops.data?.items.map((coop) => (
            <option key={coop.coopId} value={coop.coopId}>
              {coop.name ?? coop.coopId}
            </option>
          ))}
        </select>
        <AmountInput
          id={id}
          label={m.budget.amount}
          amount={fields.amount}
          onAmount={set('amount')}
          currency={{
            label: m.budget.currency,
            value: fields.currency as Currency,
            onChange: set('currency'),
          }}
        />
        <ActionFooter action={action} submit={m.budget.proposeSubmit} />
      </form>
    </details>
  );
}
