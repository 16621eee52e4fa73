import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { afterEdit, isAgreed, signOffTeamFor, type TLifecycleDelegate, type TLifecycleSignOff, type TLifecycleSurface } from "./lifecycle";

/**
 * Protect-surface agreement stated on its own terms and checked against any sequence of sign-offs,
 * withdrawals, edits and reassignments: people change team and roles mid-sequence, edits void the
 * sign-offs (and may restore earlier content), delegates are granted, and sign-offs arrive as stored
 * records too (as an import or an older version would have left them, even one person for both
 * teams). The model records who each signer was when signing; the statements use that record, not
 * the module's helpers.
 */

type TPerson = { id: string; team: Team; roles: Role[] };
type TSigned = TLifecycleSignOff & { epoch: number; ownerThen: boolean; delegateThen: boolean };
type TStep =
  | { kind: "sign"; person: number }
  | { kind: "withdraw"; person: number }
  | { kind: "edit"; restore: boolean }
  | { kind: "delegate"; person: number }
  | { kind: "record"; person: number; team: "NETOPS" | "SECOPS" }
  | { kind: "reassign"; person: number; team: Team; roles: Role[] };

const PEOPLE = 6;
const teamArb = fc.constantFrom<Team>("NETOPS", "SECOPS", "LEADERSHIP");
const rolesArb = fc.subarray<Role>(["VIEWER", "CONTRIBUTOR", "CAB_MEMBER", "ADMIN"], { minLength: 1 });
const person = fc.nat(PEOPLE - 1);

const stepArb: fc.Arbitrary<TStep> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("sign" as const), person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("withdraw" as const), person }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("edit" as const), restore: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delegate" as const), person }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("record" as const), person, team: fc.constantFrom<"NETOPS" | "SECOPS">("NETOPS", "SECOPS") }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reassign" as const), person, team: teamArb, roles: rolesArb }) },
);

describe("protect surface agreement, stated as rules (property)", () => {
  it("agreement always takes a NetOps and a SecOps sign-off from two different people on the current content", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ team: teamArb, roles: rolesArb }), { minLength: PEOPLE - 2, maxLength: PEOPLE - 2 }),
        fc.array(stepArb, { maxLength: 40 }),
        (others, steps) => {
          // p0 and p1 start as the NetOps and SecOps owners; anyone may move team or lose roles later.
          const people: TPerson[] = [
            { id: "p0", team: "NETOPS", roles: ["CONTRIBUTOR"] },
            { id: "p1", team: "SECOPS", roles: ["CONTRIBUTOR"] },
            ...others.map((other, index) => ({ id: `p${index + 2}`, ...other })),
          ];
          const hashes = ["c0"];
          let surface: TLifecycleSurface = { status: "IN_REVIEW", version: 1, contentHash: "c0", netopsOwnerId: "p0", secopsOwnerId: "p1" };
          let epoch = 0;
          let signed: TSigned[] = [];
          const delegates: TLifecycleDelegate[] = [];

          for (const step of steps) {
            const actor = "person" in step ? people[step.person]! : null;
            if (step.kind === "reassign") {
              people[step.person] = { ...actor!, team: step.team, roles: step.roles };
            } else if (step.kind === "delegate") {
              // Granted for the team the person is in at the time, as the service does.
              if (actor!.team === "NETOPS" || actor!.team === "SECOPS") delegates.push({ userId: actor!.id, team: actor!.team });
            } else if (step.kind === "edit") {
              const nextHash = step.restore ? hashes[0]! : `c${hashes.length}`;
              const next = afterEdit(surface, nextHash);
              if (next.changed) {
                hashes.push(nextHash);
                epoch += 1;
                signed = signed.map((signOff) => ({ ...signOff, voidedAt: signOff.voidedAt ?? "voided" }));
                surface = { ...surface, status: next.status, version: next.version, contentHash: nextHash };
              }
            } else if (step.kind === "record") {
              // A stored sign-off that did not pass through signOffTeamFor: agreement must still count people, not rows.
              signed = [
                ...signed,
                {
                  userId: actor!.id,
                  team: step.team,
                  version: surface.version,
                  contentHash: surface.contentHash,
                  withdrawnAt: null,
                  voidedAt: null,
                  epoch,
                  ownerThen: true,
                  delegateThen: false,
                },
              ];
              if (surface.status === "IN_REVIEW" && isAgreed(surface, signed)) surface = { ...surface, status: "AGREED" };
            } else if (step.kind === "withdraw") {
              if (surface.status !== "AGREED")
                signed = signed.map((signOff) =>
                  signOff.userId === actor!.id && signOff.epoch === epoch ? { ...signOff, withdrawnAt: "withdrawn" } : signOff,
                );
            } else {
              const standing = signed.filter((signOff) => signOff.epoch === epoch && !signOff.withdrawnAt);
              const team = actor!.team;
              const ownerNow =
                (team === "NETOPS" && surface.netopsOwnerId === actor!.id) || (team === "SECOPS" && surface.secopsOwnerId === actor!.id);
              const delegateNow = delegates.some((delegate) => delegate.userId === actor!.id && delegate.team === team);
              // Who may sign, stated directly: a contributor of NetOps or SecOps, signing for that team, as its owner or
              // delegate, while in review, who has not signed this version, for a team that has not signed it.
              const maySign =
                surface.status === "IN_REVIEW" &&
                actor!.roles.includes("CONTRIBUTOR") &&
                (team === "NETOPS" || team === "SECOPS") &&
                (ownerNow || delegateNow) &&
                !standing.some((signOff) => signOff.userId === actor!.id || signOff.team === team);
              const rule = signOffTeamFor(actor!, surface, signed, delegates);
              expect(rule.ok).toBe(maySign);
              if (!rule.ok) continue;
              expect(rule.value).toBe(team);
              signed = [
                ...signed,
                {
                  userId: actor!.id,
                  team,
                  version: surface.version,
                  contentHash: surface.contentHash,
                  withdrawnAt: null,
                  voidedAt: null,
                  epoch,
                  ownerThen: ownerNow,
                  delegateThen: delegateNow,
                },
              ];
              if (isAgreed(surface, signed)) surface = { ...surface, status: "AGREED" };
            }

            const standing = signed.filter((signOff) => signOff.epoch === epoch && !signOff.withdrawnAt);
            const net = standing.filter((signOff) => signOff.team === "NETOPS").map((signOff) => signOff.userId);
            const sec = standing.filter((signOff) => signOff.team === "SECOPS").map((signOff) => signOff.userId);
            const agreedByRule = net.some((n) => sec.some((s) => s !== n));
            expect(isAgreed(surface, signed)).toBe(agreedByRule);
            if (surface.status === "AGREED") {
              expect(agreedByRule).toBe(true);
              expect(standing.every((signOff) => signOff.ownerThen || signOff.delegateThen)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
