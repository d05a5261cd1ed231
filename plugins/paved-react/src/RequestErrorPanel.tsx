// Our backends refuse with a 403 whose message says why and who can do it ("You may not push to
// payments/ledger: only members of team payments …"). ResponseErrorPanel would title it
// "Request failed with 403 Forbidden" and fold the message away; a refusal shows its message.
import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** The refusal's own message for a 403 from our APIs; undefined for any other error. */
export function refusalMessage(error: Error): string | undefined {
  const response = error as Partial<ResponseError>;
  if (response.name !== 'ResponseError' || response.statusCode !== 403) {
    return undefined;
  }
  return response.cause?.message || undefined;
}

export const RequestErrorPanel = (props: { error: Error }) => {
  const refusal = refusalMessage(props.error);
  if (refusal) {
    return <WarningPanel severity="error" title={refusal} />;
  }
  return <ResponseErrorPanel error={props.error} />;
};
