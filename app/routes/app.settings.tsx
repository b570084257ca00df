import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { fetchShopProfile } from "../shopify/shop.server";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Settings · Warranty Desk" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const shop = await fetchShopProfile(admin.graphql);
  return { shop };
};

// Shop-wide settings. Claim deadlines are calendar days in the shop's timezone, so the page says
// which timezone and currency the app works in.
export default function Settings() {
  const { shop } = useLoaderData<typeof loader>();
  return (
    <Page title="Settings">
      <Layout>
        <Layout.AnnotatedSection
          id="store"
          title="Store"
          description="Deadlines end at midnight in your store's timezone; amounts are in your store's currency."
        >
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                {shop.name}
              </Text>
              <Text as="p">
                Timezone:{" "}
                <Text as="span" fontWeight="semibold">
                  {shop.ianaTimezone}
                </Text>
              </Text>
              <Text as="p">
                Currency:{" "}
                <Text as="span" fontWeight="semibold">
                  {shop.currencyCode}
                </Text>
              </Text>
              <Text as="p" tone="subdued">
                Change these in your Shopify admin under Settings, General.
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
