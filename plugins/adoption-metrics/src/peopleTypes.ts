// What the adoption-metrics backend answers about portal use and the quarterly survey.
import { Rate, Satisfaction } from '@internal/plugin-adoption-metrics-common';

export interface UsageReport {
  /** Local days (YYYY-MM-DD) in the viewer's time zone, both included. */
  window: { from: string; to: string; timeZone: string };
  eligible: { people: number; source: string };
  /** Mean daily active people over the window's days. */
  averageDau: Rate;
  /** Distinct people in the last 7 days of the window. */
  wau: Rate;
  /** Distinct people in the last 28 days of the window. */
  mau: Rate;
  daily: { day: string; active: Rate; newPeople: number }[];
  topPlugins: { pluginId: string; events: number }[];
  source: string;
}

export interface SurveyStatus {
  quarter: string;
  enabled: boolean;
  ask: boolean;
}

export type SurveyReply =
  | { score: number; improvement?: string }
  | { dismissed: true };

export interface SurveyResults {
  quarter: string;
  owner?: string;
  satisfaction: Satisfaction;
  /** Only when the answers are enough to show; in random order, without team or day. */
  improvements?: string[];
  source: string;
}
