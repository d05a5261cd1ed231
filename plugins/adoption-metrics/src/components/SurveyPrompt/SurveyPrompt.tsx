// The quarterly survey, asked once a quarter in a small card at the bottom right (not a modal),
// after the person has used the portal for a while. "Not now" counts as this quarter's answer.
import { refusalMessage } from '@internal/plugin-paved-react';
import { useEffect, useState } from 'react';
import { coreApis, useApi } from '@backstage/frontend-plugin-api';
import { Box, Button, Paper, TextField, Typography } from '@material-ui/core';
import { useAdoptionClient } from '../../useAdoptionClient';
import { SurveyReply } from '../../peopleTypes';

export const SURVEY_QUESTION = 'How satisfied are you with Paved?';
export const IMPROVEMENT_QUESTION =
  'What is the one thing that would most improve your experience with Paved?';
const SCORES = Array.from({ length: 11 }, (_, i) => i);

export const SurveyPrompt = (props: {
  /** How long after sign-in to ask. Default 2 minutes. */
  delayMs?: number;
}) => {
  const delayMs = props.delayMs ?? 120_000;
  const client = useAdoptionClient();
  const identityApi = useApi(coreApis.identity);
  const toastApi = useApi(coreApis.toast);
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState<number>();
  const [improvement, setImprovement] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The root elements render before sign-in: this resolves once someone is signed in.
    // No survey is better than an error about one: failures are ignored.
    const ignore = () => {};
    identityApi.getBackstageIdentity().then(() => {
      if (cancelled) return;
      timer = setTimeout(() => {
        client
          .surveyStatus()
          .then(status => !cancelled && setOpen(status.ask), ignore);
      }, delayMs);
    }, ignore);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, identityApi, delayMs]);

  if (!open) return null;

  const reply = async (body: SurveyReply) => {
    setSending(true);
    setError(undefined);
    try {
      await client.answerSurvey(body);
      setOpen(false);
      if ('score' in body) {
        toastApi.post({ title: 'Thank you for your answer', timeout: 5000 });
      }
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 409) {
        setOpen(false); // answered in another tab
      } else {
        setError(
          `Could not send: ${
            refusalMessage(e as Error) ?? (e as Error).message
          }`,
        );
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <Paper
      elevation={8}
      role="region"
      aria-label="Quarterly survey"
      style={{
        position: 'fixed',
        right: 24,
        bottom: 24,
        width: 380,
        padding: 16,
        zIndex: 1300,
      }}
    >
      <Typography variant="subtitle2" gutterBottom>
        {SURVEY_QUESTION}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        0 = not at all, 10 = extremely
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 4, margin: '8px 0' }}>
        {SCORES.map(s => (
          <Button
            key={s}
            size="small"
            aria-pressed={score === s}
            variant={score === s ? 'contained' : 'outlined'}
            color={score === s ? 'primary' : 'default'}
            style={{ minWidth: 30, padding: '2px 0' }}
            onClick={() => setScore(s)}
          >
            {s}
          </Button>
        ))}
      </Box>
      <TextField
        id="paved-survey-improvement"
        label={IMPROVEMENT_QUESTION}
        value={improvement}
        onChange={e => setImprovement(e.target.value)}
        inputProps={{ maxLength: 1000 }}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        size="small"
      />
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        style={{ marginTop: 4 }}
      >
        Asked once a quarter. Stored without your name; results show only when
        enough people have answered.
      </Typography>
      {error && (
        <Typography variant="body2" color="error">
          {error}
        </Typography>
      )}
      <Box
        display="flex"
        justifyContent="flex-end"
        style={{ gap: 8, marginTop: 8 }}
      >
        <Button
          disabled={sending}
          title="Don't ask me again this quarter"
          onClick={() => reply({ dismissed: true })}
        >
          Not now
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={sending || score === undefined}
          onClick={() =>
            reply({
              score: score!,
              improvement: improvement.trim() || undefined,
            })
          }
        >
          Send
        </Button>
      </Box>
    </Paper>
  );
};
