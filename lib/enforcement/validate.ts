/**
 * Every generated document is checked by its owners' published schema, never by a hand-written
 * rule: Kubernetes NetworkPolicy by `kubernetes-models`, Istio AuthorizationPolicy by
 * `@kubernetes-models/istio` and by the CRD's openAPIV3Schema, CiliumNetworkPolicy by its CRD's
 * openAPIV3Schema (copies in ./schemas, with their source). The Kubernetes schema extensions are
 * declared to ajv: `x-kubernetes-*` keywords as annotations (the CEL rules in
 * `x-kubernetes-validations` are not evaluated: there is no CEL engine here), `cidr` checked with
 * ipaddr.js and `idn-hostname` with ajv-formats' hostname rule.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import ipaddr from "ipaddr.js";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1";
import ciliumSchema from "./schemas/ciliumnetworkpolicy_v2.json" with { type: "json" };
import istioSchema from "./schemas/authorizationpolicy_v1.json" with { type: "json" };
import type { TPolicyTarget } from "./model";

export type TSchemaProblem = { document: number; path: string; reason: string };

const KUBERNETES_EXTENSIONS = [
  "x-kubernetes-int-or-string",
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-validations",
  "x-kubernetes-embedded-resource",
];

/**
 * The CRDs' patterns are Go (RE2) regular expressions; the one difference they use is the
 * one-letter Unicode class `\PC`, which JavaScript spells `\P{C}`.
 */
function kubernetesRegExp(pattern: string, flags: string): RegExp {
  return new RegExp(pattern.replace(/\\([pP])([A-Z])(?![a-z{])/g, "\\$1{$2}"), flags);
}
kubernetesRegExp.code = "new RegExp";

let compiled: { cilium: ValidateFunction; istio: ValidateFunction } | null = null;

function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: kubernetesRegExp } });
  addFormats(ajv);
  for (const keyword of KUBERNETES_EXTENSIONS) ajv.addKeyword({ keyword, schemaType: ["boolean", "string", "array", "object"] });
  ajv.addFormat("cidr", { type: "string", validate: (value: string) => ipaddr.isValidCIDR(value) });
  ajv.addFormat("idn-hostname", {
    type: "string",
    validate: (value: string) => /^(?=.{1,253}$)(\*\.)?[^\s.]+(\.[^\s.]+)*\.?$/u.test(value),
  });
  compiled = { cilium: ajv.compile(ciliumSchema), istio: ajv.compile(istioSchema) };
  return compiled;
}

function ajvProblems(document: number, errors: ErrorObject[] | null | undefined): TSchemaProblem[] {
  return (errors ?? []).map((error) => ({ document, path: error.instancePath || "/", reason: error.message ?? "is invalid" }));
}

/** kubernetes-models throws an ajv-style error with the failing paths. */
function modelProblems(document: number, validate: () => void): TSchemaProblem[] {
  try {
    validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: ErrorObject[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return ajvProblems(document, errors);
    return [{ document, path: "/", reason: error instanceof Error ? error.message : "is invalid" }];
  }
}

/** Problems of one Kubernetes document by its kind; an unknown kind is itself a problem. */
export function validateKubernetesDocument(document: unknown, index: number): TSchemaProblem[] {
  const kind = (document as { kind?: unknown } | null)?.kind;
  const apiVersion = (document as { apiVersion?: unknown } | null)?.apiVersion;
  if (kind === "NetworkPolicy" && apiVersion === "networking.k8s.io/v1") {
    return modelProblems(index, () => new NetworkPolicy(document as ConstructorParameters<typeof NetworkPolicy>[0]).validate());
  }
  if (kind === "CiliumNetworkPolicy" && apiVersion === "cilium.io/v2") {
    const validate = validators().cilium;
    return validate(document) ? [] : ajvProblems(index, validate.errors);
  }
  if (kind === "AuthorizationPolicy" && (apiVersion === "security.istio.io/v1" || apiVersion === "security.istio.io/v1beta1")) {
    const byModel = modelProblems(index, () =>
      new AuthorizationPolicy(document as ConstructorParameters<typeof AuthorizationPolicy>[0]).validate(),
    );
    if (byModel.length > 0) return byModel;
    const validate = validators().istio;
    return validate(document) ? [] : ajvProblems(index, validate.errors);
  }
  return [{ document: index, path: "/kind", reason: `is not a policy Concord reads (${String(apiVersion)} ${String(kind)})` }];
}

export function validateDocuments(target: TPolicyTarget, documents: unknown[]): TSchemaProblem[] {
  if (target === "kubernetes" || target === "cilium" || target === "istio") return documents.flatMap(validateKubernetesDocument);
  return [];
}
