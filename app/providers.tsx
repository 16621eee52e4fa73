"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider, useTheme } from "next-themes";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { StepUpProvider } from "@/components/account/step-up-dialog";
import { z } from "zod";

// Zod probes for eval (`Function("")`) before its first object parse to decide whether to compile
// parsers; under the CSP that probe is refused and reported as a violation. Parse without it.
z.config({ jitless: true });

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <QueryClientProvider client={queryClient}>
        <StepUpProvider>{children}</StepUpProvider>
        <ThemedToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}

/** Toasts follow the app's theme, not only the operating system's. */
function ThemedToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster richColors closeButton position="bottom-right" theme={resolvedTheme === "dark" ? "dark" : "light"} />;
}
