import "server-only";
/** Postgres NOTIFY channels of live map workshops (payloads stay far below Postgres's 8000-byte limit). */
export const MAP_EVENTS_CHANNEL = "concord_map_events";
export const MAP_PRESENCE_CHANNEL = "concord_map_presence";
