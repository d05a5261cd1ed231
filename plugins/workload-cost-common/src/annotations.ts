// The catalog annotations the cost features read. When an entity has no cost, the card names the
// annotation that is missing, so the names live here once.
import { CURRENCY_HINT, isCurrencyCode } from './currency';
import { MonthlyBudget } from './budget';

/** The workload's pods carry this as a label value (Backstage's Kubernetes plugin convention). */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** A label selector for the workload's pods, instead of kubernetes-id. */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** The namespace the workload runs in. */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
/** The entity's Crossplane claims: `Kind/namespace/name`, several separated by commas. */
export const CLAIMS_ANNOTATION = 'paved.dev/claims';
/** The monthly budget: "2500 USD", or "2500" in the price sheet's currency. */
export const MONTHLY_BUDGET_ANNOTATION = 'paved.dev/monthly-budget';

/** Labels the golden path sets on a claim, from which it is priced. */
export const CLAIM_OFFERING_LABEL = 'paved.dev/offering';
export const CLAIM_TIER_LABEL = 'paved.dev/tier';

const BUDGET = /^(\d+(?:\.\d+)?)(?:\s+([A-Za-z]{3}))?$/;

/**
 * Reads the monthly budget annotation: "2500", "2500 USD", "1999.50 EUR". Thousands separators
 * and symbols are refused ("2,500" is 2.5 thousand in some locales and 2.5 in others).
 */
export function parseMonthlyBudget(value: string): MonthlyBudget {
  const match = BUDGET.exec(value.trim());
  const amount = match ? Number(match[1]) : NaN;
  if (!match || !(amount > 0)) {
    throw new Error(
      `Cannot read ${MONTHLY_BUDGET_ANNOTATION}: ${JSON.stringify(
        value,
      )}: write a positive amount with an optional currency code, e.g. "2500" or "2500 USD" ` +
        '(no thousands separators, no symbols)',
    );
  }
  if (match[2] === undefined) return { amount };
  const currency = match[2];
  if (!isCurrencyCode(currency)) {
    throw new Error(
      `Cannot read ${MONTHLY_BUDGET_ANNOTATION}: ${JSON.stringify(
        value,
      )}: the currency ${CURRENCY_HINT}`,
    );
  }
  return { amount, currency };
}

/** A claim an entity refers to. */
export interface ClaimRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Reads paved.dev/claims: "PostgreSQLInstance/orders-api-dev/orders-api-db[, ...]". */
export function parseClaimRefs(value: string): ClaimRef[] {
  return value
    .split(',')
    .map(ref => ref.trim())
    .filter(ref => ref.length > 0)
    .map(ref => {
      const parts = ref.split('/');
      if (parts.length !== 3 || parts.some(part => part.length === 0)) {
        throw new Error(
          `Cannot read ${CLAIMS_ANNOTATION}: ${JSON.stringify(
            ref,
          )}: write Kind/namespace/name, e.g. PostgreSQLInstance/orders-api-dev/orders-api-db, ` +
            'several separated by commas',
        );
      }
      const [kind, namespace, name] = parts;
      return { kind, namespace, name };
    });
}
