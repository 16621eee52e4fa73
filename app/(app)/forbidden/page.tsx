import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-sm font-medium text-muted">403</p>
      <h1 className="text-2xl font-semibold">Your roles do not include this area</h1>
      <p className="max-w-md text-sm text-muted">Ask an administrator if you need access.</p>
      <Link href="/dashboard" className="text-sm text-accent underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
