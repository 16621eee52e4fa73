import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-muted">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="max-w-md text-sm text-muted">The link may be old, or the record may have been removed.</p>
      <Link href="/dashboard" className="mt-2 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-fg">
        Back to the dashboard
      </Link>
    </main>
  );
}
