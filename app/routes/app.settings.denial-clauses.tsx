import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Modal,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import prisma from "../db.server";
import { changeDenialClause, loadShopClauses } from "../services/denial-clauses.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Denial clauses · Settings · Warranty Desk" }];

// The clauses a merchant cites when denying an item: the written guarantee's, as the shop words
// them, and its own. A denial keeps the words it was sent with, whatever changes here later.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    return { clauses: await loadShopClauses(prisma, session.shop) };
  } catch (error) {
    throw errorResponse(error);
  }
};

// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return await changeDenialClause(prisma, session.shop, body, new Date());
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and marks the field.
    return errorResponse(error);
  }
};

type Clause = ReturnType<typeof useLoaderData<typeof loader>>["clauses"][number];
type Answer = { ok: true; message: string; clauseId: string } | ErrorBody;

const LANGUAGES = [
  { key: "en", name: "English" },
  { key: "fr", name: "French" },
  { key: "de", name: "German" },
  { key: "es", name: "Spanish" },
] as const;

interface ClauseForm {
  clauseId: string | undefined;
  label: string;
  words: string;
  translations: Record<(typeof LANGUAGES)[number]["key"], string>;
}

const NEW_CLAUSE: ClauseForm = {
  clauseId: undefined,
  label: "",
  words: "",
  translations: { en: "", fr: "", de: "", es: "" },
};

const formOf = (clause: Clause): ClauseForm => ({
  clauseId: clause.reason,
  label: clause.label,
  words: clause.words.words,
  translations: {
    en: clause.words.translations.en ?? "",
    fr: clause.words.translations.fr ?? "",
    de: clause.words.translations.de ?? "",
    es: clause.words.translations.es ?? "",
  },
});

function useClauseChange(onDone: () => void) {
  const fetcher = useFetcher<Answer>();
  const shopify = useAppBridge();
  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  // Once per answer, with the latest callbacks (a ref, so a re-render does not toast again).
  const latest = useRef({ shopify, onDone });
  latest.current = { shopify, onDone };
  useEffect(() => {
    if (!settled || !("ok" in settled)) return;
    latest.current.shopify.toast.show(settled.message);
    latest.current.onDone();
  }, [settled]);
  return {
    submit: (body: Record<string, string | Record<string, string>>) =>
      fetcher.submit(body, { method: "post", encType: "application/json" }),
    submitting: fetcher.state !== "idle",
    error: settled && "error" in settled ? settled.error : null,
  };
}

function ClauseModal({ form: initial, onClose }: { form: ClauseForm; onClose: () => void }) {
  const [form, setForm] = useState(initial);
  const { submit, submitting, error } = useClauseChange(onClose);
  const fieldError = (path: string) => (error?.field === path ? error.message.replace(/^[\w.]+: /, "") : undefined);
  const adding = form.clauseId === undefined;
  const save = () =>
    submit({
      intent: "save",
      ...(form.clauseId ? { clauseId: form.clauseId } : {}),
      label: form.label,
      words: form.words,
      translations: Object.fromEntries(Object.entries(form.translations).filter(([, text]) => text.trim() !== "")),
    });
  return (
    <Modal
      open
      onClose={onClose}
      title={adding ? "Add a denial clause" : `Edit “${initial.label}”`}
      primaryAction={{ content: adding ? "Add clause" : "Save clause", onAction: save, loading: submitting }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title="The clause was not saved">
              <p>{error.field ? "Check the field marked below, then save again." : error.message}</p>
            </Banner>
          ) : null}
          <FormLayout>
            <TextField
              label="Label"
              helpText="What you pick from when denying an item. Shoppers never see it."
              value={form.label}
              onChange={(label) => setForm({ ...form, label })}
              autoComplete="off"
              maxLength={80}
              error={fieldError("label")}
            />
            <TextField
              label="What the shopper reads"
              helpText="Plain words, shown on the shopper's claim when you deny an item with this clause."
              value={form.words}
              onChange={(words) => setForm({ ...form, words })}
              multiline={2}
              autoComplete="off"
              maxLength={1000}
              error={fieldError("words")}
            />
            {LANGUAGES.map((language) => (
              <TextField
                key={language.key}
                label={`In ${language.name} (optional)`}
                helpText={`Shoppers reading ${language.name} see the words above when this is empty.`}
                value={form.translations[language.key]}
                onChange={(text) => setForm({ ...form, translations: { ...form.translations, [language.key]: text } })}
                multiline={2}
                autoComplete="off"
                maxLength={1000}
                error={fieldError(`translations.${language.key}`)}
              />
            ))}
          </FormLayout>
          <Text as="p" tone="subdued">
            Claims already denied keep the words they were sent with.
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

function RetireButton({ clause }: { clause: Clause }) {
  const { submit, submitting, error } = useClauseChange(() => undefined);
  const intent = clause.retired ? "restore" : "retire";
  return (
    <BlockStack gap="100">
      <Button
        onClick={() => submit({ intent, clauseId: clause.reason })}
        loading={submitting}
        accessibilityLabel={`${clause.retired ? "Offer again" : "Retire"} “${clause.label}”`}
      >
        {clause.retired ? "Offer again" : "Retire"}
      </Button>
      {error ? (
        <Text as="p" tone="critical">
          {error.message.replace(/^[\w.]+: /, "")}
        </Text>
      ) : null}
    </BlockStack>
  );
}

export default function DenialClauses() {
  const { clauses } = useLoaderData<typeof loader>();
  const [editing, setEditing] = useState<ClauseForm | null>(null);
  return (
    <Page
      title="Denial clauses"
      backAction={{ content: "Settings", url: "/app/settings" }}
      primaryAction={{ content: "Add clause", onAction: () => setEditing(NEW_CLAUSE) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">
              When you deny an item you cite one of these clauses, and the shopper reads its words in their language.
              They start as your written guarantee&apos;s exclusions. Edit their words, add your own, or retire one you
              no longer use: claims already denied keep the words they were sent with.
            </Text>
            <Card padding="0">
              {clauses.map((clause, index) => (
                <Box
                  key={clause.reason}
                  padding="400"
                  borderBlockStartWidth={index === 0 ? undefined : "025"}
                  borderColor="border"
                >
                  <InlineStack align="space-between" blockAlign="start" gap="400" wrap={false}>
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="h2" variant="headingSm">
                          {clause.label}
                        </Text>
                        {clause.custom ? <Badge tone="info">Your clause</Badge> : null}
                        {clause.edited ? <Badge>Edited</Badge> : null}
                        {clause.retired ? <Badge tone="warning">Retired</Badge> : null}
                      </InlineStack>
                      {clause.guarantee ? (
                        <Text as="p" tone="subdued">
                          {`Guarantee: ${clause.guarantee}`}
                        </Text>
                      ) : null}
                      <Text as="p">{`The shopper reads: “${clause.shopperWords.en}”`}</Text>
                    </BlockStack>
                    <InlineStack gap="200" wrap={false}>
                      <Button onClick={() => setEditing(formOf(clause))} accessibilityLabel={`Edit “${clause.label}”`}>
                        Edit
                      </Button>
                      {clause.reason === "other" ? null : <RetireButton clause={clause} />}
                    </InlineStack>
                  </InlineStack>
                </Box>
              ))}
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
      {editing ? <ClauseModal form={editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}
