import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { BlockStack, Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Claims · Warranty Desk" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

// The claims inbox. Claims arrive when shoppers file them from their order in customer accounts.
export default function ClaimsInbox() {
  return (
    <Page title="Claims">
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading="No claims yet"
              action={{ content: "Review your claim policy", url: "/app/settings" }}
              image="/empty-state-claims.svg"
            >
              <BlockStack gap="200">
                <Text as="p">
                  When a shopper reports an item that arrived damaged, wrong or not working, or a warranty problem, the
                  claim appears here with its evidence and the time left to respond.
                </Text>
                <Text as="p" tone="subdued">
                  Shoppers file claims from their order page in customer accounts.
                </Text>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
