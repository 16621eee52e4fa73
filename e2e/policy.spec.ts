import fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { AS, expect, test } from "./fixtures";

test("a contributor reads the generated Cilium policy of a surface, downloads its GitOps folder and sees drift", async ({
  signedInAs,
  surfaceWithMap,
}) => {
  const surface = await surfaceWithMap({
    name: `Card vault ${Date.now()}`,
    agreed: true,
    elements: [{ type: "DATA", name: "Card vault", classification: "RESTRICTED" }],
    nodes: [
      { key: "api", kind: "WORKLOAD", label: "Payment API", labels: { app: "payment-api", namespace: "payments" }, x: 0, y: 40 },
      {
        key: "vault",
        kind: "DATASTORE",
        label: "Card vault",
        labels: { app: "pan-vault", namespace: "payments" },
        element: "Card vault",
        x: 360,
        y: 120,
      },
    ],
    flows: [
      {
        from: "api",
        to: "vault",
        protocol: "TCP",
        ports: "5432",
        encryption: "TLS",
        authentication: "CERTIFICATE",
        justification: "Store tokens",
      },
    ],
  });
  const contributor = await signedInAs(AS.netops);
  const page = contributor.page;
  await page.goto(`/surfaces/${surface.id}`);
  await page.getByRole("link", { name: "Policy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${surface.name} · policy` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kubernetes NetworkPolicy" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("navigation", { name: "Enforcement target" }).getByRole("link", { name: "CiliumNetworkPolicy" }).click();
  await expect(page).toHaveURL(/target=cilium/);
  await expect(page.getByRole("heading", { level: 2, name: /payments\/.*card-vault.*-cnp\.yaml$/ })).toBeVisible();
  await expect(page.getByText("kind: CiliumNetworkPolicy").first()).toBeVisible();
  await expect(page.getByText("app: pan-vault").first()).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download folder (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^card-vault-\d+-cilium-policy\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const policies = Object.keys(files).filter((path) => path.endsWith("-cnp.yaml"));
  expect(policies).toHaveLength(1);
  expect(strFromU8(files[policies[0]!]!)).toContain("apiVersion: cilium.io/v2");
  expect(strFromU8(files["README.md"]!)).toContain("## cilium");

  // What is deployed today opens SSH to the world: drift names it as access nobody approved.
  const deployed = [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata: { name: legacy-ssh, namespace: payments }",
    "spec:",
    "  podSelector: { matchLabels: { app: pan-vault } }",
    "  ingress:",
    "    - from: [{ ipBlock: { cidr: 0.0.0.0/0 } }]",
    "      ports: [{ protocol: TCP, port: 22 }]",
  ].join("\n");
  await page.getByLabel("Policy documents (YAML)").fill(deployed);
  await page.getByRole("button", { name: "Compare with approved flows" }).click();
  const drift = page.getByRole("region", { name: "Drift" });
  await expect(drift.getByRole("heading", { name: /Allowed but not approved \(excess\)/ })).toBeVisible();
  await expect(drift).toContainText("cidr:0.0.0.0/0 → payments/app=pan-vault TCP port 22 — legacy-ssh");
  await expect(drift.getByRole("heading", { name: /Approved but not enforced \(missing\)/ })).toBeVisible();
  await expect(drift).toContainText("workload:payments/app=payment-api → payments/app=pan-vault TCP port 5432");

  expect(contributor.errors()).toEqual([]);
});
