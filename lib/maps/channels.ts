import "server-only";
export { MAP_EVENTS_CHANNEL, MAP_PRESENCE_CHANNEL } from "@/lib/live/channels";
