/** Links from a figure to the records behind it in the other sections of the console. */
import { toSearch } from "@/lib/api/client";

export type TFlowsFilter = { status?: string; encryption?: string; classification?: string };

/** The whole-program flows view, filtered. */
export function flowsViewHref(filter: TFlowsFilter): string {
  return `/flows${toSearch(filter)}`;
}

/** The dashboard's downloads: the board report and the figures behind it. */
export const DASHBOARD_REPORT_PDF = "/api/v1/dashboard/report.pdf";
export const DASHBOARD_DATA_CSV = "/api/v1/dashboard/data.csv";

export const surfaceHref = (id: string) => `/surfaces/${id}`;
export const surfaceMapHref = (id: string) => `/surfaces/${id}/map`;
export const changeHref = (id: string) => `/changes/${id}`;
export const indicatorHref = (key: string) => `/dashboard/indicators/${encodeURIComponent(key)}`;

/** The flows-view filters that show exactly an indicator's flows, labelled for the drill-down page. */
export function flowViewsFor(indicatorKey: string): Array<{ label: string; href: string }> {
  switch (indicatorKey) {
    case "flows.unencrypted_sensitive":
      return [
        {
          label: "Unencrypted flows into Restricted surfaces",
          href: flowsViewHref({ status: "OBSERVED,PROPOSED,APPROVED", encryption: "NONE", classification: "RESTRICTED" }),
        },
        {
          label: "Unencrypted flows into Confidential surfaces",
          href: flowsViewHref({ status: "OBSERVED,PROPOSED,APPROVED", encryption: "NONE", classification: "CONFIDENTIAL" }),
        },
      ];
    case "flows.explicit_share":
      return [
        { label: "Implicit (observed) flows", href: flowsViewHref({ status: "OBSERVED" }) },
        { label: "Explicit (approved) flows", href: flowsViewHref({ status: "APPROVED" }) },
      ];
    case "flows.approved_unjustified":
      return [{ label: "Approved flows", href: flowsViewHref({ status: "APPROVED" }) }];
    case "flows.denied_cross_zone":
      return [{ label: "Denied flows", href: flowsViewHref({ status: "DENIED" }) }];
    default:
      return [];
  }
}
