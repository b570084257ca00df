import type { ServerBuild } from "@remix-run/node";

/**
 * A Remix server build of resource routes only (no document rendering), for the production server
 * (server/app.ts) in tests. Remix's type asks every route module for a default export, but a
 * resource route is one without it: hence the cast. `routes` has the root route among them.
 */
export function resourceRoutesBuild(routes: Record<string, unknown>): ServerBuild {
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 404 }), handleError: () => {} } },
    routes: routes as ServerBuild["routes"],
    assets: {
      entry: { imports: [], module: "/assets/entry.js" },
      routes: {},
      url: "/assets/manifest.js",
      version: "1",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
    },
    isSpaMode: false,
  };
}
