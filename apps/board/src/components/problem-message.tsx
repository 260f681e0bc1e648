import { ApiProblem } from '../api/client';
import { I18n, useI18n } from '../i18n/i18n';

/** What a refusal means for the reader, in their language; the API's own detail when unknown. */
export function explain(error: unknown, { messages: m, t }: Pick<I18n, 'messages' | 't'>): string {
  if (!(error instanceof ApiProblem)) return t(m.refusals.other, { detail: String(error) });
  const { problem } = error;
  const rule = problem.rule as keyof typeof m.refusals | undefined;
  if (rule && rule in m.refusals) return m.refusals[rule];
  if (problem.status === 400 && problem.errors?.length) {
    return t(m.refusals.invalid, { fields: problem.errors.map((e) => e.message).join('; ') });
  }
  if (problem.status === 403) return m.refusals.forbidden;
  if (problem.status === 409) return t(m.refusals.conflict, { detail: problem.detail });
  return t(m.refusals.other, { detail: problem.detail || problem.title });
}

/** A refusal or failure, announced to screen readers as it appears. */
export function ProblemMessage({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <p role="alert" className="problem">
      {explain(error, i18n)}
    </p>
  );
}
