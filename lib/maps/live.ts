import "server-only";
/** The map streams share the one live hub of the process with every other live screen. */
export { getLiveHub as getMapHub } from "@/lib/live/hub";
