"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SecuritySettings } from "@/components/account/security-settings";

export function MfaSetup() {
  const router = useRouter();
  const [done, setDone] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <SecuritySettings onFactorAdded={() => setDone(true)} />
      <div className="flex gap-2">
        {done && <Button onClick={() => (router.replace("/dashboard"), router.refresh())}>Continue to Concord</Button>}
        <Button variant="secondary" onClick={() => void signOut({ callbackUrl: "/signin" })}>
          Sign out
        </Button>
      </div>
    </div>
  );
}
