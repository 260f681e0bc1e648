import { Currency } from '../api/types';

interface Change {
  target: { value: string };
}

/**
 * A decimal amount as the API takes it (a dot, at most two decimals: the pattern says so before
 * sending), and its currency when the reader chooses it.
 */
export function AmountInput({
  id,
  label,
  amount,
  onAmount,
  currency,
}: {
  id: string;
  label: string;
  amount: string;
  onAmount(event: Change): void;
  currency?: { label: string; value: Currency; onChange(event: Change): void };
}) {
  const input = (
    <input
      id={`${id}-amount`}
      required
      inputMode="decimal"
      pattern="[0-9]{1,12}([.][0-9]{1,2})?"
      placeholder="1200.00"
      value={amount}
      onChange={onAmount}
    />
  );
  return (
    <>
      <label htmlFor={`${id}-amount`}>{label}</label>
      {currency ? (
        <div className="inline">
          {input}
          <label htmlFor={`${id}-currency`} className="visually-hidden">
            {currency.label}
          </label>
          <select id={`${id}-currency`} value={currency.value} onChange={currency.onChange}>
            <option value="EUR">EUR</option>
            <option value="SOL">SOL</option>
          </select>
        </div>
      ) : (
        input
      )}
    </>
  );
}
