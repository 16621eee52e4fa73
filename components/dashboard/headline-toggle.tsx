"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Star } from "lucide-react";
import { useSetHeadline } from "@/lib/metrics/queries";

/** Chooses whether a metric is a headline card; the dashboard (a server page) is read again after. */
export function HeadlineToggle({ metricKey, name, headline }: { metricKey: string; name: string; headline: boolean }) {
  const router = useRouter();
  const set = useSetHeadline();
  return (
    <button
      type="button"
      aria-pressed={headline}
      data-metric-key={metricKey}
      aria-label={`Headline card: ${name}`}
      disabled={set.isPending}
      onClick={async () => {
        try {
          await set.mutateAsync({ key: metricKey, headline: !headline });
          toast.success(headline ? `${name} moved to the table` : `${name} is now a headline card`);
          router.refresh();
        } catch (caught) {
          toast.error(caught instanceof Error ? caught.message : "Could not change the headline cards.");
        }
      }}
      className="inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50"
    >
      <Star className={headline ? "size-4 fill-warning text-warning" : "size-4"} aria-hidden="true" />
    </button>
  );
}
