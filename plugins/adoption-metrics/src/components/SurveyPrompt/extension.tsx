// The survey prompt, rendered app-wide at the root (outside the page layout), loaded lazily.
// Turn it off in app-config with app.extensions: [{ 'app-root-element:adoption-metrics/survey-prompt': false }]
// or in the backend with adoptionMetrics.survey.enabled: false.
import { lazy, Suspense } from 'react';
import { AppRootElementBlueprint } from '@backstage/frontend-plugin-api';

const SurveyPrompt = lazy(() =>
  import('./SurveyPrompt').then(m => ({ default: m.SurveyPrompt })),
);

export const surveyPromptElement = AppRootElementBlueprint.make({
  name: 'survey-prompt',
  params: {
    element: (
      <Suspense fallback={null}>
        <SurveyPrompt />
      </Suspense>
    ),
  },
});
