import { formatAgo, formatUtc } from "@/components/ui/format";

export function When({ iso, fallback }: { iso: string | null; fallback: string }) {
  if (!iso) return <span className="text-muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatAgo(iso)}
    </time>
  );
}
