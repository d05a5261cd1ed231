import { createPermission } from '@backstage/plugin-permission-common';

/** Reading the adoption metrics (the dashboard, the cards, the API). */
export const adoptionMetricsReadPermission = createPermission({
  name: 'adoption.metrics.read',
  attributes: { action: 'read' },
});

/** Recording one's own portal use (POST /events, sent by the portal's analytics). */
export const adoptionUsageRecordPermission = createPermission({
  name: 'adoption.usage.record',
  attributes: { action: 'create' },
});

/** Answering (or dismissing) the quarterly survey oneself (POST /survey). */
export const adoptionSurveyAnswerPermission = createPermission({
  name: 'adoption.survey.answer',
  attributes: { action: 'create' },
});

/** Every permission of the adoption metrics, for the permissions registry. */
export const adoptionMetricsPermissions = [
  adoptionMetricsReadPermission,
  adoptionUsageRecordPermission,
  adoptionSurveyAnswerPermission,
];
