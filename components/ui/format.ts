import { formatDistanceToNowStrict } from "date-fns";

/** "2026-11-22 21:04:05 UTC": the audit trail records UTC, so the console shows UTC. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "3 hours ago", or the fallback when there is no date. */
export function formatAgo(iso: string | null, fallback = "Never"): string {
  return iso ? formatDistanceToNowStrict(new Date(iso), { addSuffix: true }) : fallback;
}
