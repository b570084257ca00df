// `npm run --silent policy:evaluate -- FILE.json` (or JSON on stdin): evaluates a claim against a
// policy. Contract and examples: docs/policy-engine.md.
import { readFileSync } from "node:fs";
import { runPolicyEvaluate } from "./policy-evaluate-core";

function readInput(file: string | undefined): string {
  return readFileSync(file === undefined || file === "-" ? 0 : file, "utf8");
}

const [file, ...extra] = process.argv.slice(2);
if (extra.length > 0) {
  process.stderr.write("usage: policy:evaluate [FILE.json]   (reads stdin without FILE)\n");
  process.exit(2);
}
let text: string;
try {
  text = readInput(file);
} catch (error) {
  process.stderr.write(
    `(root): cannot read ${file ?? "stdin"} (${error instanceof Error ? error.message : String(error)})\n`,
  );
  process.exit(2);
}
const result = runPolicyEvaluate(text);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
