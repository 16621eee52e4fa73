import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyView } from "@/components/enforcement/policy-view";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { ZPolicyTarget } from "@/lib/enforcement/schemas";
import { getSurfacePolicy } from "@/lib/enforcement/service";
import { NotFoundError } from "@/lib/errors";
import { ZId } from "@/lib/users/schemas";

export const metadata = { title: "Policy" };

export default async function SurfacePolicyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ target?: string }>;
}) {
  const actor = await requireActor("map.read");
  const { id } = await params;
  if (!ZId.safeParse(id).success) notFound();
  const target = ZPolicyTarget.catch("kubernetes").parse((await searchParams).target);
  const policy = await getSurfacePolicy({ actor, requestId: "page-policy" }, id, target).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`${policy.surface.name} · policy`}
        description="The enforcement that the surface's approved flows imply, for each kind of enforcement point, checked against the owners' published schemas."
        actions={
          <>
            <Link href={`/surfaces/${id}`} className="text-sm text-accent underline">
              Surface details
            </Link>
            <Link href={`/surfaces/${id}/map`} className="text-sm text-accent underline">
              Flow map
            </Link>
          </>
        }
      />
      <PolicyView policy={policy} canEdit={can(actor, "map.write")} />
    </>
  );
}
