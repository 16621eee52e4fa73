"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useCreateSurface } from "@/lib/surfaces/queries";
import type { TPerson } from "@/lib/surfaces/schemas";
import { Card } from "@/components/ui/card";
import { draftOf, inputOf, SurfaceForm } from "./surface-form";

export function NewSurface({ people, actorId }: { people: TPerson[]; actorId: string }) {
  const router = useRouter();
  const create = useCreateSurface();
  const initial = draftOf();
  // The creator is proposed as owner for their own team; the form lets them change it.
  const me = people.find((person) => person.id === actorId);
  if (me?.team === "NETOPS") initial.netopsOwnerId = me.id;
  if (me?.team === "SECOPS") initial.secopsOwnerId = me.id;
  return (
    <Card>
      <SurfaceForm
        initial={initial}
        people={people}
        submitLabel="Create surface"
        pending={create.isPending}
        error={create.error}
        onCancel={() => router.push("/surfaces")}
        onSubmit={(draft) =>
          create.mutate(inputOf(draft), {
            onSuccess: (surface) => {
              toast.success(`Created “${surface.name}” as a draft.`);
              router.push(`/surfaces/${surface.id}`);
            },
          })
        }
      />
    </Card>
  );
}
