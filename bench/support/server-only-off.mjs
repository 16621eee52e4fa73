// Benches that call route handlers load Next's server modules, which the `react-server` condition
// would swap for builds without client React; they need only the `server-only` marker switched
// off, as the tests do. Used as `tsx --import ./bench/support/server-only-off.mjs bench/<name>.ts`.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
        return next(specifier, context);
      }
    `),
  import.meta.url,
);
