import { evaluateClaim } from "../app/domain/evaluate-claim";
import { parseClaimEvaluationInput } from "../app/domain/evaluate-claim-schema";

export type CommandResult = { readonly exitCode: 0 | 2; readonly stdout: string; readonly stderr: string };

/**
 * The `policy:evaluate` contract: one JSON object on stdout and exit 0 whether or not the claim
 * is eligible; input that is not JSON or does not match the schema exits 2 with one line per
 * problem on stderr, each naming the JSON path.
 */
export function runPolicyEvaluate(text: string): CommandResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, stdout: "", stderr: `(root): not valid JSON (${detail})\n` };
  }
  const parsed = parseClaimEvaluationInput(json);
  if (!parsed.ok) return { exitCode: 2, stdout: "", stderr: parsed.problems.map((line) => `${line}\n`).join("") };
  return { exitCode: 0, stdout: `${JSON.stringify(evaluateClaim(parsed.value), null, 2)}\n`, stderr: "" };
}
