import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSIONS } from "../../scripts/build-extension.mjs";
import type { NothingClaimable } from "../../extensions/shared/src/claimable";
import { CLAIM_EVENT_TYPES, CLAIM_STATUSES } from "../../extensions/shared/src/claim-status";
import { CLAIM_STATUSES as DOMAIN_CLAIM_STATUSES } from "../../app/domain/claim-lifecycle/claim-status";
import { CLAIM_EVENT_TYPES as DOMAIN_CLAIM_EVENT_TYPES } from "../../app/domain/claim-lifecycle/claim-state";

// Every string the shopper sees exists in English, French, German and Spanish: the same keys in
// every language (none missing, none extra), the same {{placeholders}}, and every key the source
// asks for exists.

const LANGUAGES = ["en.default", "fr", "de", "es"];
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourcesOf(dir: string): string {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(folder, entry.name))
        : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-support/.test(entry.name)
          ? [join(folder, entry.name)]
          : [],
    );
  return files(join(dir, "src"))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
}

const NOTHING_CLAIMABLE = [
  "notShipped",
  "allClaimed",
  "closed",
  "claimedRestClosed",
  "claimedRestNotShipped",
  "closedRestNotShipped",
  "claimedClosedRestNotShipped",
] as const satisfies readonly NothingClaimable[];

/** Keys built at runtime (`status.${…}`) from a value of the API contract: each value needs its text. */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  "evidence.${}.label": ["issue", "shipping_label", "packaging"],
  "evidence.${}.hint": ["issue", "shipping_label", "packaging"],
  "evidence.alt.${}": ["issue_photo", "issue_video", "shipping_label_photo", "packaging_photo"],
  "status.${}": [...CLAIM_STATUSES, "other"],
  "nextStep.${}": ["wait_for_reply", "reply_to_merchant", "send_return", "wait_for_inspection", "none"],
  "events.${}": [...CLAIM_EVENT_TYPES, "other"],
  "problems.${}": ["damaged", "wrong_item", "missing_parts", "not_working", "fault"],
  "resolutions.${}": ["refund", "replacement", "repair"],
  "claimTypes.${}": ["arrival", "warranty"],
  "form.type.${}": ["arrival", "warranty"],
  "form.type.only.${}": ["arrival", "warranty"],
  "form.description.label.${}": ["arrival", "warranty"],
  "form.items.why.${}": ["notShipped", "closed", "notCovered", "allClaimed"],
  "form.questions.${}": [
    "firmwareFlashed",
    "bodyOpened",
    "partsModified",
    "unintendedUse",
    "continuedUseAfterFault",
    "accidentalDamage",
  ],
  "claim.outcome.${}": ["refunded", "replaced", "repaired"],
  "claim.return.paidBy.${}": ["merchant", "customer"],
  // whyNothingClaimable (extensions/shared/src/claimable.ts)
  "nothingClaimable.${}": NOTHING_CLAIMABLE,
  "block.nothing.${}": NOTHING_CLAIMABLE,
  // The product page's block: where a rule comes from (extensions/product-rules)
  "source.${}": ["shop", "product"],
};

describe.each(EXTENSIONS.map(({ dir }) => [dir.split("/").pop()!, dir] as const))(
  "the %s extension's languages",
  (_name, dir) => {
    const locale = (language: string) =>
      flatten(JSON.parse(readFileSync(join(dir, "locales", `${language}.json`), "utf8")) as Tree);
    const english = locale("en.default");

    it("has English, French, German and Spanish", () => {
      expect(readdirSync(join(dir, "locales")).sort()).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
    });

    it.each(LANGUAGES.slice(1))(
      "%s has exactly the English keys, each translated with the same placeholders",
      (language) => {
        const translated = locale(language);
        expect(
          [...english.keys()].filter((key) => !translated.has(key)),
          "missing",
        ).toEqual([]);
        expect(
          [...translated.keys()].filter((key) => !english.has(key)),
          "extra",
        ).toEqual([]);
        for (const [key, text] of translated) {
          expect(text.trim(), key).not.toBe("");
          expect(placeholders(text), key).toEqual(placeholders(english.get(key)!));
        }
      },
    );

    it("has an English text for every key the source uses", () => {
      const source = sourcesOf(dir);
      const literal = [...source.matchAll(/(?:\b(?:t|translate)\(\s*|\bkey: )"([\w.]+)"/g)].map((m) => m[1]!);
      const conditional = [
        ...source.matchAll(/\?\s*"([a-z][\w]*(?:\.[\w]+)+)"\s*:\s*"([a-z][\w]*(?:\.[\w]+)+)"/g),
      ].flatMap((m) => [m[1]!, m[2]!]);
      const templates = [...source.matchAll(/\b(?:t|translate)\(\s*`([^`]+)`/g)].map((m) =>
        m[1]!.replace(/\$\{[^}]*\}/g, "${}"),
      );
      expect(literal.length).toBeGreaterThan(5);
      const used = [...literal, ...conditional.filter((key) => !key.includes("/"))];
      expect(
        used.filter((key) => !english.has(key)),
        "missing English texts",
      ).toEqual([]);
      expect(templates.length).toBeGreaterThan(0);
      for (const template of templates) {
        const values = DYNAMIC_KEYS[template];
        expect(values, `the values of ${template} are listed in this test`).toBeDefined();
        expect(
          values!.map((value) => template.replace("${}", value)).filter((key) => !english.has(key)),
          `missing English texts for ${template}`,
        ).toEqual([]);
      }
    });
  },
);

describe("the extensions' copy of the claim statuses and event types", () => {
  it("is the domain's, so every status and event the API sends has its text", () => {
    expect(CLAIM_STATUSES).toEqual(DOMAIN_CLAIM_STATUSES);
    expect(CLAIM_EVENT_TYPES).toEqual(DOMAIN_CLAIM_EVENT_TYPES);
  });
});
