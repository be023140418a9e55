// Prints one JSON object {"<file name>": <the file as JSON>, ...} for the HCL files given as arguments.
// Used by TerraformPolicyTests, so the Terraform checks need Node.js but no Terraform binary.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createRequire } from "node:module";

const { parse } = createRequire(import.meta.url)("@cdktf/hcl2json");

const converted = {};
for (const file of process.argv.slice(2)) {
  converted[basename(file)] = await parse(basename(file), await readFile(file, "utf8"));
}
process.stdout.write(JSON.stringify(converted));
