import { FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { canRead, isExpired, Session, sessionOf } from './session';

/** Sign-in with a token; says why a token cannot be used rather than failing later. */
export function SignIn({
  onSignedIn,
  notice,
}: {
  onSignedIn(session: Session): void;
  notice?: string;
}) {
  const { messages: m } = useI18n();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionOf(token);
    if (!session) return setError(m.signIn.invalid);
    if (isExpired(session)) return setError(m.signIn.expired);
    if (!canRead(session)) return setError(m.signIn.notForRole);
    onSignedIn(session);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="sign-in">
      <h2 id={`${id}-title`}>{m.signIn.title}</h2>
      {notice && <p role="alert">{notice}</p>}
      <p>{m.signIn.intro}</p>
      <form onSubmit={submit} className="stacked">
        <label htmlFor={`${id}-token`}>{m.signIn.token}</label>
        <textarea
          id={`${id}-token`}
          required
          rows={4}
          spellCheck={false}
          autoComplete="off"
          value={token}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setToken(event.target.value)}
        />
        {error && (
          <p id={`${id}-error`} role="alert" className="problem">
            {error}
          </p>
        )}
        <div>
          <button type="submit">{m.signIn.submit}</button>
        </div>
      </form>
    </section>
  );
}
