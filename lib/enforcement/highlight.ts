import "server-only";
/**
 * Syntax highlighting of generated policy files on the server (shiki with its JavaScript regex
 * engine: no WebAssembly, nothing sent to the browser but coloured HTML). One highlighter per
 * process, created on first use.
 */
import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

let highlighter: Promise<HighlighterCore> | null = null;

function languageOf(path: string): "yaml" | "json" | "hcl" | "csv" {
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".tf")) return "hcl";
  if (path.endsWith(".csv")) return "csv";
  return "yaml";
}

export async function highlightPolicyFile(path: string, content: string): Promise<string> {
  highlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs")],
    langs: [import("shiki/langs/yaml.mjs"), import("shiki/langs/json.mjs"), import("shiki/langs/hcl.mjs"), import("shiki/langs/csv.mjs")],
    engine: createJavaScriptRegexEngine(),
  });
  return (await highlighter).codeToHtml(content, { lang: languageOf(path), theme: "github-light" });
}
