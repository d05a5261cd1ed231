// A team's budget: from workloadCost.budgets, else the group's paved.dev/monthly-budget
// annotation, checked against the month's forecast (the common's checkBudget), with a sentence
// for the warning.
import { Entity } from '@backstage/catalog-model';
import {
  BudgetCheck,
  checkBudget,
  formatMoney,
  MONTHLY_BUDGET_ANNOTATION,
  parseMonthlyBudget,
  type GroupBudget,
} from '@internal/plugin-workload-cost-common';
import { CostSettings } from '../settings';
import { CostSummary } from './costSummary';

export type { GroupBudget };

/** The budget from config, else from the group's annotation, checked against the forecast. */
export function budgetOf(
  settings: CostSettings,
  group: Entity,
  ref: string,
  summary?: CostSummary,
): GroupBudget | undefined {
  const configured = settings.budgets[ref];
  const annotation = group.metadata.annotations?.[MONTHLY_BUDGET_ANNOTATION];
  if (!configured && !annotation) return undefined;
  const source = configured
    ? `workloadCost.budgets["${ref}"]`
    : `the ${MONTHLY_BUDGET_ANNOTATION} annotation`;
  try {
    const budget = configured ?? parseMonthlyBudget(annotation!);
    const check = checkBudget({
      budget,
      currency: settings.prices.currency,
      forecast: summary?.forecast,
      monthToDate: summary?.monthToDate ?? 0,
    });
    return withWarning(check, source);
  } catch (error) {
    return { source, error: (error as Error).message };
  }
}

function withWarning(check: BudgetCheck, source: string): GroupBudget {
  const money = (amount: number) =>
    formatMoney(amount, check.currency, 'en-US');
  const already = `the month so far is already above the budget of ${money(
    check.budget,
  )}`;
  let warning: string | undefined;
  if (check.status === 'over') {
    warning = `The forecast of ${money(
      check.forecast!,
    )} passes the budget of ${money(check.budget)} by ${money(check.overBy)}${
      check.alreadyOver ? `; ${already}` : ''
    }`;
  } else if (check.alreadyOver) {
    warning = `${already[0].toUpperCase()}${already.slice(1)}`;
  }
  return { ...check, source, warning };
}
