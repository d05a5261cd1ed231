// The quarterly survey's result: mean, NPS-style score and the distribution of 0-10, with the
// answers to "the one thing"; all hidden below the minimum number of answers.
import { InfoCard } from '@backstage/core-components';
import { Box, Typography, useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SurveyResults } from '../peopleTypes';

const SHOWN_IMPROVEMENTS = 20;

export const SatisfactionCard = ({ results }: { results: SurveyResults }) => {
  const theme = useTheme();
  const s = results.satisfaction;
  return (
    <InfoCard
      title={`Satisfaction (${results.quarter})`}
      subheader="How satisfied are you with Paved? 0-10"
    >
      {s.hidden ? (
        <Typography variant="body1">
          Hidden: fewer than {s.minResponses} answers ({s.responses} so far).
          Figures and free text appear from {s.minResponses} answers, so no one
          answer can be told apart.
        </Typography>
      ) : (
        <>
          <Box display="flex" alignItems="baseline" style={{ gap: 24 }}>
            <Typography variant="h3" component="p">
              {s.mean.toFixed(1)} / 10
            </Typography>
            <Typography variant="h5" component="p">
              NPS-style {s.npsStyleScore > 0 ? '+' : ''}
              {s.npsStyleScore}
            </Typography>
          </Box>
          <Typography variant="body2">
            mean of {s.responses} answers; NPS-style score = share of 9-10 minus
            share of 0-6
          </Typography>
          <ResponsiveContainer width="100%" height={160}>
            <BarChart
              data={s.distribution.map((count, score) => ({ score, count }))}
              margin={{ left: -20 }}
            >
              <XAxis dataKey="score" fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip />
              <Bar
                dataKey="count"
                name="Answers"
                fill={theme.palette.primary.main}
              />
            </BarChart>
          </ResponsiveContainer>
          {results.improvements && results.improvements.length > 0 && (
            <>
              <Typography variant="subtitle2">
                The one thing that would most improve Paved (random order)
              </Typography>
              <ul style={{ marginTop: 4 }}>
                {results.improvements
                  .slice(0, SHOWN_IMPROVEMENTS)
                  .map((text, i) => (
                    <li key={i}>
                      <Typography variant="body2">{text}</Typography>
                    </li>
                  ))}
              </ul>
              {results.improvements.length > SHOWN_IMPROVEMENTS && (
                <Typography variant="caption" color="textSecondary">
                  and {results.improvements.length - SHOWN_IMPROVEMENTS} more
                </Typography>
              )}
            </>
          )}
        </>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        Source: {results.source}
      </Typography>
    </InfoCard>
  );
};
