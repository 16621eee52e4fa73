import { organizationPaths } from "@/lib/organization/openapi";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { accountPaths } from "@/lib/account/openapi";
import { auditPaths } from "@/lib/audit/openapi";
import { cabPaths } from "@/lib/cab/openapi";
import { changePolicyPaths } from "@/lib/change-policy/openapi";
import { changePaths } from "@/lib/changes/openapi";
import { discoveryPaths } from "@/lib/discovery/openapi";
import { enforcementPaths } from "@/lib/enforcement/openapi";
import { mapPaths } from "@/lib/maps/openapi";
import { metricsPaths } from "@/lib/metrics/openapi";
import { opsPaths } from "@/lib/ops/openapi";
import { notificationPaths } from "@/lib/notifications/openapi";
import { surfacePaths } from "@/lib/surfaces/openapi";
import { tokenPaths } from "@/lib/tokens/openapi";
import { userPaths } from "@/lib/users/openapi";
import { mfaPaths } from "@/lib/mfa/openapi";
import { webhookPaths } from "@/lib/webhooks/openapi";

/** Every domain's documented operations; add a domain's paths here when it gains an API. */
export const apiPaths: ZodOpenApiPathsObject[] = [
  userPaths,
  auditPaths,
  tokenPaths,
  surfacePaths,
  mapPaths,
  changePaths,
  changePolicyPaths,
  cabPaths,
  metricsPaths,
  opsPaths,
  notificationPaths,
  accountPaths,
  webhookPaths,
  mfaPaths,
  discoveryPaths,
  enforcementPaths,
  organizationPaths,
];
