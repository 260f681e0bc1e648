import { useId, useState } from 'react';
import { INCOME_KINDS } from '@libs/contracts';
import { Currency, FundingApplication, IncomeKind } from '../../api/types';
import { useAction } from '../../components/action-form';
import { ActionFooter } from '../../components/action-footer';
import { AmountInput } from '../../components/amount-input';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

/** Records money the consortium received, optionally (part of) an awarded application's. */
export function IncomeForm({
  applications,
  ledgerLength,
  onRecorded,
}: {
  applications: FundingApplication[];
  ledgerLength: number;
  onRecorded(ledgerLengthBefore: number): void;
}) {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  const action = useAction();
  const empty = {
    kind: 'donation' as IncomeKind,
    amount: '',
    currency: 'EUR' as Currency,
    receivedOn: new Date().toISOString().slice(0, 10),
    funder: '',
    applicationId: '',
  };
  const [fields, setFields] = useState(empty);
  const id = useId();
  const set = (name: keyof typeof empty) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));
  const awarded = applications.filter((a) => a.status === 'awarded');

  return (
    <details>
      <summary>{m.books.record}</summary>
      <form
        className="stacked"
        onSubmit={action.submit(async (key) => {
          await api.post(
            '/income',
            {
              kind: fields.kind,
              amount: { amount: fields.amount, currency: fields.currency },
              receivedOn: fields.receivedOn,
              funder: fields.funder,
              applicationId: fields.applicationId || undefined,
            },
            key,
          );
          setFields(empty);
          onRecorded(ledgerLength);
          return m.books.recorded;
        })}
      >
        <label htmlFor={`${id}-kind`}>{m.books.kind}</label>
        <select id={`${id}-kind`} value={fields.kind} onChange={set('kind')}>
          {INCOME_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {m.incomeKinds[kind]}
            </option>
          ))}
        </select>
        <AmountInput
          id={id}
          label={m.books.amount}
          amount={fields.amount}
          onAmount={set('amount')}
          currency={{ label: m.books.currency, value: fields.currency, onChange: set('currency') }}
        />
        <label htmlFor={`${id}-received-on`}>{m.books.receivedOn}</label>
        <input
          id={`${id}-received-on`}
          type="date"
          required
          value={fields.receivedOn}
          onChange={set('receivedOn')}
        />
        <label htmlFor={`${id}-funder`}>{m.books.funder}</label>
        <input
          id={`${id}-funder`}
          required
          maxLength={200}
          value={fields.funder}
          onChange={set('funder')}
        />
        <label htmlFor={`${id}-application`}>{m.books.application}</label>
        <select
          id={`${id}-application`}
          value={fields.applicationId}
          onChange={set('applicationId')}
        >
          <option value="">{m.books.noApplication}</option>
          {awarded.map((a) => (
            <option key={a.applicationId} value={a.applicationId}>
              {a.funder} — {a.call}
            </option>
          ))}
        </select>
        <ActionFooter action={action} submit={m.books.recordSubmit} />
      </form>
    </details>
  );
}
