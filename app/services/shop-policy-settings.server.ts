import { z } from "zod";
import type { PrismaClient } from "@prisma/client";
import { readShopPolicyOverride, writeShopPolicyOverride } from "../db/policies.server";
import { DEFAULT_POLICY, PolicySchema, type Policy, type PolicyOverride } from "../domain/policy/policy-schema";
import { resolveShopPolicy } from "../domain/policy/resolve-policy";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchShopProfile } from "../shopify/shop.server";
import { parseRequestInput } from "../utils/request-input.server";

// The shop policy settings page: the policy in force (the defaults with the merchant's changes)
// and saving the whole form. Only the fields that differ from the defaults are stored, so the
// stored override says what this merchant chose; open claims keep the policy they were filed
// under (decision 016), so a save changes new claims only.

export async function loadPolicySettings(db: PrismaClient, graphql: AdminGraphql, shop: string, now: Date) {
  const [profile, override] = await Promise.all([fetchShopProfile(graphql), readShopPolicyOverride(db, shop)]);
  return {
    shop: profile,
    policy: resolveShopPolicy(override),
    defaults: DEFAULT_POLICY,
    /** When the page was loaded: the preview's sample delivery. */
    now: now.toISOString(),
  };
}

export type PolicySettings = Awaited<ReturnType<typeof loadPolicySettings>>;

/** The form's whole policy, every field required: a missing or bad one is the merchant's 400, naming it. */
const SavePolicySchema = z.strictObject({ policy: PolicySchema });

function changedFromDefaults(policy: Policy): PolicyOverride {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(policy)) {
    const fallback = DEFAULT_POLICY[field as keyof Policy];
    if (JSON.stringify(value) !== JSON.stringify(fallback)) changed[field] = value;
  }
  return changed as PolicyOverride;
}

export async function savePolicySettings(db: PrismaClient, shop: string, body: unknown) {
  const { policy } = parseRequestInput(SavePolicySchema, body);
  await writeShopPolicyOverride(db, shop, changedFromDefaults(policy));
  return { ok: true as const, policy, message: "Policy saved. New claims follow it; open claims keep theirs." };
}
