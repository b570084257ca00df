import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { markSetupStep, readSetupFacts, readSetupMarks, unmarkSetupStep } from "../db/setup-guide.server";
import { GUIDE_DISMISSED, SetupStepSchema, setupGuideState, type SetupGuideState } from "../domain/setup-guide";
import { parseRequestInput } from "../utils/request-input.server";

// The setup guide on the app's home: its state for the shop, and what the merchant does with it
// (mark a step done or not done, dismiss the guide). The policy tester marks its own step.

export async function loadSetupGuide(db: PrismaClient, shop: string): Promise<SetupGuideState> {
  const [facts, marks] = await Promise.all([readSetupFacts(db, shop), readSetupMarks(db, shop)]);
  return setupGuideState(facts, marks);
}

const SetupGuideActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.strictObject({ intent: z.literal("mark"), step: SetupStepSchema, done: z.boolean() }),
    z.strictObject({ intent: z.literal("dismiss") }),
  ],
  { error: "choose the intent mark (with step and done) or dismiss" },
);

export async function runSetupGuideAction(
  db: PrismaClient,
  shop: string,
  body: unknown,
  now: Date,
): Promise<SetupGuideState> {
  const action = parseRequestInput(SetupGuideActionSchema, body);
  if (action.intent === "dismiss") await markSetupStep(db, shop, GUIDE_DISMISSED, now);
  else if (action.done) await markSetupStep(db, shop, action.step, now);
  else await unmarkSetupStep(db, shop, action.step);
  return loadSetupGuide(db, shop);
}

/** The policy tester's step is done the first time the tester evaluates a claim. */
export async function recordPolicyTesterUsed(db: PrismaClient, shop: string, now: Date): Promise<void> {
  await markSetupStep(db, shop, "try_policy_tester", now);
}
