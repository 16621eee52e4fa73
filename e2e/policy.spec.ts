import fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "@playwright/test";
import { DEMO, openAs } from "./helpers";

test("a contributor reads the generated Cilium policy of a surface and downloads its GitOps folder", async ({ browser }) => {
  const raj = await openAs(browser, DEMO.netops);
  await raj.page.goto("/surfaces");
  await raj.page.getByRole("link", { name: "Card payments", exact: true }).click();
  await raj.page.getByRole("link", { name: "Policy" }).click();
  await expect(raj.page.getByRole("heading", { level: 1, name: "Card payments · policy" })).toBeVisible();
  await expect(raj.page.getByRole("link", { name: "Kubernetes NetworkPolicy" })).toHaveAttribute("aria-current", "page");

  await raj.page.getByRole("navigation", { name: "Enforcement target" }).getByRole("link", { name: "CiliumNetworkPolicy" }).click();
  await expect(raj.page).toHaveURL(/target=cilium/);
  const apiFile = raj.page.getByRole("heading", { level: 2, name: /payments\/.*payment-api.*-cnp\.yaml$/ });
  await expect(apiFile).toBeVisible();
  await expect(raj.page.getByText("kind: CiliumNetworkPolicy").first()).toBeVisible();
  await expect(raj.page.getByText("app: payment-api").first()).toBeVisible();

  const downloading = raj.page.waitForEvent("download");
  await raj.page.getByRole("link", { name: "Download folder (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("card-payments-cilium-policy.zip");
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const yamlFiles = Object.keys(files).filter((path) => path.endsWith("-cnp.yaml"));
  expect(yamlFiles.length).toBeGreaterThan(0);
  expect(strFromU8(files[yamlFiles[0]!]!)).toContain("apiVersion: cilium.io/v2");
  expect(strFromU8(files["README.md"]!)).toContain("## cilium");

  // What is deployed today opens SSH to the world: drift names it, and the workloads no policy selects.
  const deployed = [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata: { name: legacy-ssh, namespace: default }",
    "spec:",
    "  podSelector: { matchLabels: { app: payment-api, tier: edge } }",
    "  ingress:",
    "    - from: [{ ipBlock: { cidr: 0.0.0.0/0 } }]",
    "      ports: [{ protocol: TCP, port: 22 }]",
  ].join("\n");
  await raj.page.getByLabel("Policy documents (YAML)").fill(deployed);
  await raj.page.getByRole("button", { name: "Compare with approved flows" }).click();
  const drift = raj.page.getByRole("region", { name: "Drift" });
  await expect(drift.getByRole("heading", { name: /Allowed but not approved \(excess\)/ })).toBeVisible();
  await expect(drift).toContainText("cidr:0.0.0.0/0 → default/app=payment-api,tier=edge TCP port 22 — legacy-ssh");
  await expect(drift).toContainText("Protected workloads no deployed policy selects");

  expect(raj.errors()).toEqual([]);
  await raj.close();
});
