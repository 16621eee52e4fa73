import fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import AxeBuilder from "@axe-core/playwright";
import { AS, expect, test } from "./fixtures";
import { flowBetween, importObservedConnections, removalInCabMeeting } from "./support/policy";

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

test("a CAB member sees, in meeting mode, the policy diff of a change and how many observed connections it would drop", async ({
  signedInAs,
  surfaceWithMap,
  person,
}) => {
  test.setTimeout(180_000);
  const surface = await surfaceWithMap({
    name: `Ledger ${Date.now()}`,
    agreed: true,
    elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }],
    nodes: [
      {
        key: "app",
        kind: "WORKLOAD",
        label: "Ledger app",
        labels: { app: "ledger", namespace: "finance" },
        addresses: ["10.40.0.9"],
        x: 0,
        y: 40,
      },
      {
        key: "db",
        kind: "DATASTORE",
        label: "Ledger DB",
        labels: { app: "ledger-db", namespace: "finance" },
        addresses: ["10.40.0.5"],
        element: "Ledger",
        x: 360,
        y: 120,
      },
    ],
    flows: [
      { from: "app", to: "db", protocol: "TCP", ports: "5432", encryption: "TLS", authentication: "CERTIFICATE", justification: "Books" },
    ],
  });
  await importObservedConnections(surface.netopsOwner, surface.id, {
    source: "10.40.0.9",
    destination: "10.40.0.5",
    port: 5432,
    count: 12,
  });
  const chair = await person(AS.secopsCab);
  const title = `Retire the ledger port ${Date.now()}`;
  const { meetingId } = await removalInCabMeeting({
    requester: surface.netopsOwner,
    chair,
    surfaceId: surface.id,
    edgeId: await flowBetween(surface.nodeIds.app!, surface.nodeIds.db!),
    title,
  });

  const member = await signedInAs(AS.netopsCab);
  const page = member.page;
  await page.goto(`/cab/${meetingId}`);
  await page
    .getByRole("list", { name: "Agenda" })
    .getByRole("button", { name: new RegExp(title) })
    .click();
  const preview = page.getByRole("region", { name: "Policy diff and observed impact" });
  await expect(preview.getByText("Would drop 12 observed connections")).toBeVisible();
  await expect(preview).toContainText("Ledger app → Ledger DB TCP 5432: 12 connections");
  // The Kubernetes NetworkPolicy of the ledger database loses its rule for the app: a removed line, shown as such.
  const diff = preview.getByLabel(/^Diff of kubernetes\/.*ledger-db.*\.yaml$/);
  await expect(diff).toContainText("-");
  await expect(diff.locator('[data-line="removed"]').filter({ hasText: "5432" }).first()).toBeVisible();
  await preview.getByRole("button", { name: /^CiliumNetworkPolicy/ }).click();
  await expect(preview.getByLabel(/^Diff of cilium\/.*-cnp\.yaml$/).first()).toContainText('port: "5432"');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/policy-cab-meeting-diff.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/policy-cab-meeting-diff-mobile.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  const axe = await new AxeBuilder({ page }).include("main").analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
  expect(member.errors()).toEqual([]);
});
