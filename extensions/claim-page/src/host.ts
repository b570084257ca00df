import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "../../shared/src/api";
import type { DateFormatter } from "../../shared/src/dates";

// What the screens need from customer accounts, gathered once by the target's entry module from
// the `shopify` global, so every screen is a plain component that tests can render.
export interface Host {
  orderId: string;
  t: DateFormatter["translate"];
  i18n: DateFormatter & { formatCurrency(amount: number, options?: { currency?: string }): string };
  api: Api;
  storage: {
    read<T>(key: string): Promise<T | null>;
    write(key: string, value: unknown): Promise<void>;
    delete(key: string): Promise<void>;
  };
}

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost outside the claim page");
  return host;
}

// Form fields' events are typed as plain `Event`s: read what the field holds, narrowly.
export const valueOf = (event: Event): string =>
  (event.currentTarget as unknown as { value?: string | null } | null)?.value ?? "";
export const valuesOf = (event: Event): string[] =>
  (event.currentTarget as unknown as { values?: string[] } | null)?.values ?? [];
export const checkedOf = (event: Event): boolean =>
  (event.currentTarget as unknown as { checked?: boolean } | null)?.checked === true;
