import { useEffect, useState } from "preact/hooks";

// The host's changing values (`shopify.authenticationState`, …) are signals with `value` and
// `subscribe` (ReadonlySignalLike). The bundles leave out `@shopify/ui-extensions/preact`, which
// would make every render track them through @preact/signals (8 KB): a component that must follow a
// value subscribes to it here instead (docs/decisions/012-extension-bundles-without-preact-signals.md).

interface HostSignal<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
}

/** The signal's value, re-rendering the component when the host changes it. */
export function useHostSignal<T>(signal: HostSignal<T>): T {
  const [value, setValue] = useState(() => signal.value);
  useEffect(() => {
    setValue(() => signal.value); // changed between the first render and the subscription
    return signal.subscribe((next) => setValue(() => next));
  }, [signal]);
  return value;
}
