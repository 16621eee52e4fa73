/** The organization's query keys: its settings (the time zone every printed time is given in). */
export const organizationKeys = {
  all: ["organization"] as const,
  settings: () => [...organizationKeys.all, "settings"] as const,
};
