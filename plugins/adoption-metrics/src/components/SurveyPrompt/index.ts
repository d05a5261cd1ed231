export {
  SurveyPrompt,
  SURVEY_QUESTION,
  IMPROVEMENT_QUESTION,
} from './SurveyPrompt';
