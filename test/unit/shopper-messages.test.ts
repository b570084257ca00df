import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DENIAL_REASONS } from "../../app/domain/claim-lifecycle/claim-state";
import { CLAIM_REASONS, ITEM_REASONS } from "../../app/domain/policy/codes";
import { EVIDENCE_REQUIREMENTS } from "../../app/domain/policy/policy-schema";
import { shopperErrorResponse } from "../../app/i18n/shopper-errors.server";
import {
  isShopperMessageKey,
  SHOPPER_LANGUAGES,
  SHOPPER_MESSAGES,
  shopperLanguage,
  shopperMessage,
} from "../../app/i18n/shopper-messages";
import { DomainError } from "../../app/domain/errors";
import { RateLimitedError } from "../../app/services/rate-limits.server";
import { uploadErrors } from "../../app/services/evidence/uploads.server";
import { ClaimSubmissionSchema } from "../../app/services/shopper-claims.server";
import { logger } from "../../app/utils/logger.server";
import { RequestInputError } from "../../app/utils/request-input.server";

// The server's words for shoppers exist in every language, for every code the shopper API can answer.

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the shopper message catalogue", () => {
  const english = Object.keys(SHOPPER_MESSAGES.en).sort();

  it.each(SHOPPER_LANGUAGES)(
    "GIVEN %s THEN it has exactly the English keys, none empty, same placeholders",
    (language) => {
      const catalogue = SHOPPER_MESSAGES[language];
      expect(Object.keys(catalogue).sort()).toEqual(english);
      for (const key of english) {
        const message = catalogue[key as keyof typeof catalogue];
        expect(message.trim(), `${language} ${key}`).not.toBe("");
        expect(placeholders(message), `${language} ${key}`).toEqual(
          placeholders(SHOPPER_MESSAGES.en[key as keyof typeof catalogue]),
        );
      }
    },
  );

  it("GIVEN the policy engine's reasons, the evidence requirements and the denial reasons THEN each has a message", () => {
    const missing = [
      ...[...ITEM_REASONS, ...CLAIM_REASONS, "suggest_warranty"].map((code) => `reason.${code}`),
      ...EVIDENCE_REQUIREMENTS.map((kind) => `evidence.${kind}`),
      ...DENIAL_REASONS.map((reason) => `denial.${reason}`),
    ].filter((key) => !isShopperMessageKey(key));
    expect(missing).toEqual([]);
  });

  // Every error code written in the code the shopper API runs: a new one without words fails here.
  const SOURCES = [
    "app/services/customer-account-auth.server.ts",
    "app/services/customer-account.server.ts",
    "app/services/shopper-claims.server.ts",
    "app/services/submit-claim.server.ts",
    "app/services/rate-limits.server.ts",
    "app/services/evidence/uploads.server.ts",
    "app/utils/session-tokens.server.ts",
    "app/utils/request-limits.server.ts",
    "app/utils/http.server.ts",
    "app/routes/api.claim-options.tsx",
  ];
  const CODE =
    /(?:DomainError\(\s*"[a-z_]+",\s*|apiError\(\s*\d+,\s*|code: |readonly code = )"([a-z_]+(?:\.[a-z_]+)?)"/g;

  it("GIVEN the error codes of the shopper API's code THEN each has a message (and the scan finds them)", () => {
    const codes = new Set(
      SOURCES.flatMap((file) => [...readFileSync(join(process.cwd(), file), "utf8").matchAll(CODE)].map((m) => m[1]!)),
    );
    // not vacuous: the scan sees codes of each family
    for (const code of [
      "order.not_found",
      "claim.not_found",
      "session_token_invalid",
      "payload_too_large",
      "rate_limited",
      "upload.not_found",
    ]) {
      expect(codes).toContain(code);
    }
    // claim.invalid (the engine's claim, built by the server from a draft already validated) gets generic words
    // zod's own issue code and the validation codes of custom issues have their words elsewhere
    const errorCodes = [...codes].filter((code) => code !== "custom" && !isShopperMessageKey(`validation.${code}`));
    const untranslated = errorCodes.filter((code) => !isShopperMessageKey(`error.${code}`));
    expect(untranslated.sort()).toEqual(["claim.invalid"]);
  });

  it("GIVEN a message with placeholders THEN they are filled", () => {
    expect(shopperMessage("de", "error.rate_limited", { minutes: 3 })).toBe(
      "Sie haben das in kurzer Zeit zu oft getan. Bitte versuchen Sie es in 3 Min. noch einmal.",
    );
  });
});

// The extension (extensions/*/locales) addresses the shopper formally in German and French and
// informally in Spanish; the server's words sit next to its words on the same screen.
describe("the shopper message catalogue's register", () => {
  const word = (words: readonly string[]) => new RegExp(`(?<!\\p{L})(?:${words.join("|")})(?!\\p{L})`, "u");
  const INFORMAL: Readonly<Partial<Record<(typeof SHOPPER_LANGUAGES)[number], RegExp>>> = {
    // "du" and its forms, its verb endings and the imperatives the catalogue would use
    de: word([
      "[Dd]u",
      "[Dd]ein\\p{L}*",
      "[Dd]ich",
      "[Dd]ir",
      "hast",
      "kannst",
      "möchtest",
      "brauchst",
      "[Ff]üge",
      "[Ww]ähle",
      "[Ll]ade",
      "[Pp]rüfe",
      "[Ee]ntferne",
      "[Ss]peichere",
      "[Mm]elde",
      "[Öö]ffne",
      "[Ss]ende",
      "[Ss]ag",
      "[Vv]ersuche",
      "[Ww]ende",
      "[Ff]ülle",
    ]),
    // "tu" and its forms, and the imperatives that are only informal ("ajoute" or "vérifie" also say "it adds")
    fr: word(["[Tt]u", "[Tt]e", "[Tt]oi", "[Tt]on", "[Tt]a", "[Tt]es", "[Cc]hoisis", "[Rr]éessaie"]),
    // "usted" and the imperatives that are only formal
    es: word(["[Uu]sted(?:es)?", "[Aa]ñada", "[Ee]lija", "[Ii]nténtelo", "[Gg]uárdela", "[Ii]ndíquenos"]),
  };

  it("GIVEN the patterns THEN they catch the forms they are for (not vacuous)", () => {
    expect(INFORMAL.de!.test("Füge ein Foto hinzu.")).toBe(true);
    expect(INFORMAL.de!.test("in deinem Konto")).toBe(true);
    expect(INFORMAL.de!.test("Fügen Sie ein Foto hinzu.")).toBe(false);
    expect(INFORMAL.fr!.test("Ajoute ta photo.")).toBe(true);
    expect(INFORMAL.fr!.test("Ajoutez une photo de l'étiquette.")).toBe(false);
    expect(INFORMAL.fr!.test("Choisis une photo.")).toBe(true);
    expect(INFORMAL.es!.test("Si usted quiere")).toBe(true);
    expect(INFORMAL.es!.test("Añada una foto.")).toBe(true);
    expect(INFORMAL.es!.test("Añade una foto.")).toBe(false);
  });

  it.each(["de", "fr", "es"] as const)("GIVEN %s THEN no message uses the other register", (language) => {
    const slipped = Object.entries(SHOPPER_MESSAGES[language])
      .filter(([, message]) => INFORMAL[language]!.test(message))
      .map(([key, message]) => `${key}: ${message}`);
    expect(slipped).toEqual([]);
  });

  it("GIVEN the evidence a policy asks for THEN each language asks in the extension's register and words", () => {
    const asked = (language: (typeof SHOPPER_LANGUAGES)[number]) =>
      (["evidence.issue_photo", "evidence.shipping_label_photo", "error.customer.not_logged_in"] as const).map((key) =>
        shopperMessage(language, key),
      );
    expect(asked("de")).toEqual([
      "Fügen Sie ein Foto hinzu, das das Problem zeigt.",
      "Fügen Sie ein Foto des Versandetiketts hinzu.",
      "Melden Sie sich in Ihrem Konto an, um Probleme mit einer Bestellung zu sehen oder zu melden.",
    ]);
    expect(asked("fr")).toEqual([
      "Ajoutez une photo qui montre le problème.",
      "Ajoutez une photo de l'étiquette d'expédition.",
      "Connectez-vous à votre compte pour voir ou signaler les problèmes d'une commande.",
    ]);
    expect(asked("es")).toEqual([
      "Añade una foto que muestre el problema.",
      "Añade una foto de la etiqueta de envío.",
      "Inicia sesión en tu cuenta para ver o notificar problemas con un pedido.",
    ]);
  });
});

describe("shopperLanguage (Accept-Language)", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["de", "de"],
    ["de-AT,de;q=0.9,en;q=0.8", "de"],
    ["fr-CA", "fr"],
    ["it, es;q=0.5", "es"],
    ["en;q=0.3, es;q=0.9", "es"],
    ["ja", "en"],
    ["de;q=0, fr", "fr"],
    ["ES-mx", "es"],
  ])("GIVEN %j THEN %s", (header, language) => {
    expect(shopperLanguage(header)).toBe(language);
  });
});

describe("shopperErrorResponse", () => {
  const body = async (response: Response) => (await response.json()) as { error: Record<string, string> };

  it("GIVEN a not-found in German THEN the German words, the code and status unchanged", async () => {
    const response = await shopperErrorResponse(
      new DomainError("not_found", "claim.not_found", "We could not find this claim in your account."),
      "de",
    );
    expect(response.status).toBe(404);
    expect(await body(response)).toEqual({
      error: { code: "claim.not_found", message: "Wir konnten diese Reklamation in Ihrem Konto nicht finden." },
    });
  });

  it("GIVEN a missing description in Spanish THEN the field is named in Spanish and its path kept", async () => {
    const parsed = ClaimSubmissionSchema.safeParse(
      {
        orderId: "gid://shopify/Order/1",
        submissionKey: "0b7f4b8e-key",
        type: "arrival",
        problem: "damaged",
        items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1 }],
      },
      { reportInput: true },
    );
    const response = await shopperErrorResponse(new RequestInputError(parsed.error!), "es");
    expect(response.status).toBe(400);
    expect(await body(response)).toEqual({
      error: {
        code: "invalid_request",
        field: "description",
        message: "Revisa la descripción: este campo es obligatorio.",
      },
    });
  });

  it("GIVEN a fault on an arrival claim in French THEN it says the problem does not fit the claim type", async () => {
    const parsed = ClaimSubmissionSchema.safeParse(
      {
        orderId: "gid://shopify/Order/1",
        submissionKey: "0b7f4b8e-key",
        type: "arrival",
        problem: "fault",
        description: "Broken",
        items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 0 }],
      },
      { reportInput: true },
    );
    const response = await shopperErrorResponse(new RequestInputError(parsed.error!), "fr");
    expect(await body(response)).toEqual({
      error: {
        code: "invalid_request",
        field: "items[0].quantity",
        message:
          "Vérifiez la quantité : la valeur doit être d'au moins 1. Vérifiez ce qui s'est passé : cela ne correspond pas au type de réclamation choisi.",
      },
    });
  });

  it("GIVEN a repair asked for on an arrival claim in German THEN 400 naming the preferred solution", async () => {
    const draft = {
      orderId: "gid://shopify/Order/1",
      submissionKey: "0b7f4b8e-key",
      type: "arrival",
      problem: "damaged",
      description: "Broken",
      items: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 1 }],
      preferredResolution: "repair",
    };
    const parsed = ClaimSubmissionSchema.safeParse(draft, { reportInput: true });
    expect(await body(await shopperErrorResponse(new RequestInputError(parsed.error!), "de"))).toEqual({
      error: {
        code: "invalid_request",
        field: "preferredResolution",
        message:
          "Bitte prüfen Sie Ihre bevorzugte Lösung: das wird für die gewählte Art der Reklamation nicht angeboten.",
      },
    });
    // AND under the warranty a repair is fine
    expect(ClaimSubmissionSchema.safeParse({ ...draft, type: "warranty", problem: "fault" }).success).toBe(true);
  });

  it("GIVEN a rate limit THEN 429 with Retry-After and the wait in minutes", async () => {
    const response = await shopperErrorResponse(
      new RateLimitedError({ name: "submissions.customer", max: 10, windowSeconds: 3600 }, 125),
      "fr",
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("125");
    expect((await body(response)).error.message).toBe(
      "Vous avez fait cela trop souvent en peu de temps. Réessayez dans 3 min.",
    );
  });

  it("GIVEN an unknown error code in German THEN generic German words for its status; English keeps the original", async () => {
    const error = new DomainError("conflict", "claim.something_new", "Claim 1 cannot do that now.");
    expect((await body(await shopperErrorResponse(error, "de"))).error.message).toBe(
      "Das ist gerade nicht möglich. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
    );
    expect((await body(await shopperErrorResponse(error, "en"))).error.message).toBe("Claim 1 cannot do that now.");
  });

  it("GIVEN an upload refused for a limit THEN every language names the limit, numbers written its way", async () => {
    const refusals = [
      uploadErrors.tooLarge("video", 200 * 1024 * 1024),
      uploadErrors.tooManyFiles(12),
      uploadErrors.tooManyPixels(50_500_000),
    ];
    const messages = await Promise.all(
      SHOPPER_LANGUAGES.map(async (language) =>
        Promise.all(
          refusals.map(async (error) => (await body(await shopperErrorResponse(error, language))).error.message),
        ),
      ),
    );
    expect(messages).toEqual([
      [
        "This file is larger than 200 MB. Choose a smaller photo, or a shorter video, and upload it again.",
        "A claim can have at most 12 files. Remove one before adding another.",
        "This photo has more than 50.5 megapixels. Save a smaller copy as JPEG or PNG and upload it again.",
      ],
      [
        "Ce fichier dépasse 200 Mo. Choisissez une photo plus petite ou une vidéo plus courte, puis réessayez.",
        "Une réclamation peut compter au plus 12 fichiers. Supprimez-en un avant d'en ajouter un autre.",
        "Cette photo dépasse 50,5 mégapixels. Enregistrez une copie plus petite en JPEG ou PNG et envoyez-la de nouveau.",
      ],
      [
        "Diese Datei ist größer als 200 MB. Wählen Sie ein kleineres Foto oder ein kürzeres Video und laden Sie es noch einmal hoch.",
        "Eine Reklamation kann höchstens 12 Dateien haben. Entfernen Sie eine, bevor Sie eine weitere hinzufügen.",
        "Dieses Foto hat mehr als 50,5 Megapixel. Speichern Sie eine kleinere Kopie als JPEG oder PNG und laden Sie sie noch einmal hoch.",
      ],
      [
        "Este archivo supera los 200 MB. Elige una foto más pequeña o un vídeo más corto y vuelve a subirlo.",
        "Una reclamación puede tener como máximo 12 archivos. Quita uno antes de añadir otro.",
        "Esta foto tiene más de 50,5 megapíxeles. Guarda una copia más pequeña como JPEG o PNG y vuelve a subirla.",
      ],
    ]);
  });

  it("GIVEN request input failing at its root THEN a 400 naming the request when there is no path", async () => {
    const parsed = z.object({ a: z.string() }).safeParse("x", { reportInput: true });
    expect(await body(await shopperErrorResponse(new RequestInputError(parsed.error!), "en"))).toEqual({
      error: { code: "invalid_request", message: "Please check the request: this is not valid." },
    });
  });

  it("GIVEN a bare ZodError (a stored row or a Shopify answer) THEN our 500 in the shopper's words, never the field", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const parsed = z.object({ orderName: z.string() }).safeParse({ orderName: 1 });
    const response = await shopperErrorResponse(parsed.error, "de");
    expect(response.status).toBe(500);
    const answer = await body(response);
    expect(answer.error.code).toBe("internal_error");
    expect(JSON.stringify(answer)).not.toContain("orderName");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
