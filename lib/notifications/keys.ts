/** The notification bell's query keys; plain data so that other domains' mutations can refresh it. */
export const notificationKeys = {
  all: ["notifications"] as const,
  mine: () => [...notificationKeys.all, "mine"] as const,
};
