import { Action } from './action-form';
import { ProblemMessage } from './problem-message';

/** A form's submit button, then the refusal or the confirmation of its action. */
export function ActionFooter({ action, submit }: { action: Action; submit: string }) {
  return (
    <>
      <div>
        <button type="submit" disabled={action.busy}>
          {submit}
        </button>
      </div>
      <ProblemMessage error={action.error} />
      {action.done && <p role="status">{action.done}</p>}
    </>
  );
}
