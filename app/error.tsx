"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="max-w-md text-sm text-muted">
        The page could not be shown. Try again; if it keeps failing, give this reference to an administrator:{" "}
        <code>{error.digest ?? "unknown"}</code>
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
