import { APP_URL } from "../../shared/src/app-url";

// The app's backend for this extension. The session token proves who the shopper is; the app
// checks that the order is theirs.

export interface ClaimWindow {
  open: boolean;
  windowEndsAt: string | null;
  reasons: string[];
}

export interface ClaimOption {
  lineItemId: string;
  name: string | null;
  claimableQuantity: number;
  arrival: ClaimWindow;
  warranty: ClaimWindow;
}

export interface ClaimOptions {
  orderId: string;
  orderName: string | null;
  timezone: string;
  items: ClaimOption[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchClaimOptions(orderId: string, sessionToken: string): Promise<ClaimOptions> {
  const response = await fetch(`${APP_URL}/api/claim-options?orderId=${encodeURIComponent(orderId)}`, {
    headers: { Authorization: `Bearer ${sessionToken}` },
  });
  const body = (await response.json().catch(() => null)) as
    (ClaimOptions & { error?: undefined }) | { error: { code: string; message: string } } | null;
  if (!response.ok || !body || body.error) {
    throw new ApiError(response.status, body?.error?.code ?? "unknown", body?.error?.message ?? response.statusText);
  }
  return body;
}
