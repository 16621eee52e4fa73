import "server-only";
/**
 * Every Postgres NOTIFY channel of Concord's live screens, in one place so that one LISTEN
 * connection per process serves them all. Payloads say only what changed (far below Postgres's
 * 8000-byte limit); streams read the truth from the database.
 */
export const MAP_EVENTS_CHANNEL = "concord_map_events";
export const MAP_PRESENCE_CHANNEL = "concord_map_presence";
/** A CAB meeting's own record changed (started, ended, agenda, attendance, a retrospective review). */
export const CAB_EVENTS_CHANNEL = "concord_cab_events";
/** A change was voted on, moved, edited or put on an agenda: meeting screens that show it re-read. */
export const CHANGE_EVENTS_CHANNEL = "concord_change_events";

export const LIVE_CHANNELS = [MAP_EVENTS_CHANNEL, MAP_PRESENCE_CHANNEL, CAB_EVENTS_CHANNEL, CHANGE_EVENTS_CHANNEL] as const;
export type TLiveChannel = (typeof LIVE_CHANNELS)[number];
