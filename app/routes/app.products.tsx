import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Card, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";

export const meta: MetaFunction = () => [{ title: "Products · Warranty Desk" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

// Per-product overrides of the shop policy.
export default function ProductOverrides() {
  return (
    <Page title="Products" subtitle="Products that follow a different claim policy than your shop">
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState
              heading="Every product follows your shop policy"
              action={{ content: "Review your shop policy", url: "/app/settings" }}
              image="/empty-state-products.svg"
            >
              <Text as="p">
                Add an override when a product needs its own warranty period, a different window for reporting damage on
                arrival, or a list of parts that must come back with a return, such as a charger or a battery.
              </Text>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
