import Bowser from "bowser";

export type TDeviceType = "desktop" | "mobile" | "tablet" | "tv" | "unknown";

export type TDevice = { label: string; type: TDeviceType };

const DEVICE_TYPES = new Set<TDeviceType>(["desktop", "mobile", "tablet", "tv"]);

/** "Chrome 140 on Linux": what a person recognises their own browser by, from its User-Agent. */
export function describeDevice(userAgent: string | null | undefined): TDevice {
  if (!userAgent?.trim()) return { label: "Unknown device", type: "unknown" };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? [parsed.browser.name, parsed.browser.version?.split(".")[0]].filter(Boolean).join(" ") : null;
  const os = parsed.os.name ?? null;
  const platform = parsed.platform.type as TDeviceType | undefined;
  const type = platform && DEVICE_TYPES.has(platform) ? platform : "unknown";
  if (!browser) return { label: os ? `Unknown browser on ${os}` : userAgent.slice(0, 60), type };
  return { label: os ? `${browser} on ${os}` : browser, type };
}
