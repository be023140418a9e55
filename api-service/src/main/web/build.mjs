// Bundles the client with esbuild into <outdir> (default: api-service/target/classes/static), which Spring Boot
// serves at / and the Maven build packs into the jar. No eval, no inline script: the page's CSP forbids both.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const arg = process.argv.find((a) => a.startsWith("--outdir="));
const outdir = resolve(arg ? arg.slice("--outdir=".length) : "../../../target/classes/static");
mkdirSync(join(outdir, "assets"), { recursive: true });

await build({
  entryPoints: { app: "src/main.ts" },
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "external",
  outdir: join(outdir, "assets"),
  logLevel: "warning",
});
await build({
  entryPoints: { app: "src/styles.css" },
  bundle: true,
  minify: true,
  outdir: join(outdir, "assets"),
  logLevel: "warning",
});
copyFileSync("index.html", join(outdir, "index.html"));
copyFileSync("favicon.svg", join(outdir, "assets", "favicon.svg"));
console.log(`web client built into ${outdir}`);
