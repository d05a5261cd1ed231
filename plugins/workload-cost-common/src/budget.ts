// A budget is checked against the month-end forecast, not the month to date, so the warning comes
// while there is still time to act ("Budgets with a warning before the month's forecast passes
// them").

/** A monthly budget, as the paved.dev/monthly-budget annotation gives it. */
export interface MonthlyBudget {
  amount: number;
  /** Absent: the price sheet's currency. */
  currency?: string;
}

export interface BudgetCheck {
  /** 'over' when the forecast is above the budget; 'unknown' without a forecast. */
  status: 'over' | 'within' | 'unknown';
  budget: number;
  currency: string;
  forecast?: number;
  /** forecast − budget when over, else 0. */
  overBy: number;
  /** forecast / budget: 1.2 is 20 % over. */
  ratio?: number;
  /** The month to date alone is already above the budget. */
  alreadyOver: boolean;
}

/**
 * Compares a month's forecast (and month to date) with a budget. A budget in another currency
 * than the costs is refused rather than converted: exchange rates are not this library's to pick.
 */
export function checkBudget(input: {
  budget: MonthlyBudget;
  /** The currency the costs are in (the price sheet's). */
  currency: string;
  forecast?: number;
  monthToDate: number;
}): BudgetCheck {
  const { budget, currency, forecast, monthToDate } = input;
  if (budget.currency && budget.currency !== currency) {
    throw new Error(
      `The budget is in ${budget.currency} but costs are in ${currency}: write the budget in ${currency}, ` +
        `e.g. "${budget.amount} ${currency}"`,
    );
  }
  const overBy =
    forecast !== undefined ? Math.max(0, forecast - budget.amount) : 0;
  let status: BudgetCheck['status'] = 'unknown';
  if (forecast !== undefined) {
    status = forecast > budget.amount ? 'over' : 'within';
  }
  return {
    status,
    budget: budget.amount,
    currency,
    forecast,
    overBy,
    ratio:
      forecast !== undefined && budget.amount > 0
        ? forecast / budget.amount
        : undefined,
    alreadyOver: monthToDate > budget.amount,
  };
}
