/** The routes served beside /graphql, in the order they are tried. */
import type { Route } from '../http/route.js';
import type { HardeningStats } from './hardening.js';
import { healthRoute } from './health.js';
import { dashboardRoute } from '../dashboard/route.js';
import { reconcileServiceRoute } from '../reconcile-service/route.js';
import { agreementCsvRoute, comparisonCsvRoute, popoloRoute } from '../exports/route.js';

export function routes(stats: HardeningStats): Route[] {
  return [healthRoute(stats), dashboardRoute, reconcileServiceRoute, comparisonCsvRoute, agreementCsvRoute, popoloRoute];
}
