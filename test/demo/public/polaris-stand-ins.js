// Stand-ins for the Polaris web components (s-*) that customer-account extensions render, for the
// offline demo only: just enough markup, semantics and style to use and test the extension in a
// browser. Shopify renders the real ones; the extension's own code runs unchanged.
(function () {
  "use strict";
  var css =
    ":host{display:block;font-family:Inter,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a}" +
    ".dialog{border:1px solid #d4d4d4;border-radius:12px;background:#fff;padding:20px;max-width:640px}" +
    "h2{font-size:20px;margin:0 0 16px}h3{font-size:15px;margin:0 0 6px}" +
    "footer{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}" +
    "button{font:inherit;font-weight:600;border-radius:8px;padding:8px 14px;border:1px solid #1a1a1a;background:#1a1a1a;color:#fff;cursor:pointer}" +
    "button:focus-visible{outline:3px solid #005bd3;outline-offset:2px}" +
    ".banner{border-radius:8px;padding:12px;background:#eaf4ff}.banner.critical{background:#fee9e8}.banner.warning{background:#fff1d6}" +
    ".stack{display:flex;flex-direction:column;gap:12px}.stack.inline{flex-direction:row;flex-wrap:wrap}" +
    "section{border-top:1px solid #e3e3e3;padding-top:12px}";

  function define(name, render, observed) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        static get observedAttributes() {
          return observed || [];
        }
        connectedCallback() {
          if (!this.shadowRoot) {
            this.attachShadow({ mode: "open" });
            this.update();
          }
        }
        attributeChangedCallback() {
          if (this.shadowRoot) this.update();
        }
        update() {
          this.shadowRoot.innerHTML = "<style>" + css + "</style>" + render(this);
        }
      },
    );
  }
  // Preact sets known props as properties: mirror the ones used here onto attributes.
  function prop(name) {
    return {
      get: function () {
        return this.getAttribute(name);
      },
      set: function (value) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
      configurable: true,
    };
  }
  function text(value) {
    return String(value == null ? "" : value).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  define(
    "s-customer-account-action",
    function (el) {
      return (
        '<div class="dialog" role="dialog" aria-modal="true" aria-labelledby="h"><h2 id="h">' +
        text(el.getAttribute("heading")) +
        '</h2><slot></slot><footer><slot name="secondary-actions"></slot><slot name="primary-action"></slot></footer></div>'
      );
    },
    ["heading"],
  );
  define("s-button", function () {
    return '<button type="button"><slot></slot></button>';
  });
  define(
    "s-banner",
    function (el) {
      var tone = el.getAttribute("tone") || "info";
      var role = tone === "critical" ? "alert" : "status";
      var heading = el.getAttribute("heading");
      return (
        '<div class="banner ' + text(tone) + '" role="' + role + '">' + (heading ? "<strong>" + text(heading) + "</strong> " : "") + "<slot></slot></div>"
      );
    },
    ["tone", "heading"],
  );
  define(
    "s-spinner",
    function (el) {
      return '<span role="progressbar" aria-label="' + text(el.getAttribute("accessibilitylabel") || "Loading") + '">Loading…</span>';
    },
    ["accessibilitylabel"],
  );
  define(
    "s-stack",
    function (el) {
      return '<div class="stack ' + (el.getAttribute("direction") === "inline" ? "inline" : "") + '"><slot></slot></div>';
    },
    ["direction"],
  );
  define(
    "s-section",
    function (el) {
      return "<section><h3>" + text(el.getAttribute("heading")) + "</h3><slot></slot></section>";
    },
    ["heading"],
  );
  define("s-paragraph", function () {
    return "<p style='margin:0'><slot></slot></p>";
  });
  define("s-text", function () {
    return "<span><slot></slot></span>";
  });
  define("s-heading", function () {
    return "<h3><slot></slot></h3>";
  });

  var props = { "s-customer-account-action": ["heading"], "s-banner": ["tone", "heading"], "s-spinner": ["accessibilityLabel"], "s-stack": ["direction", "gap"], "s-section": ["heading"] };
  Object.keys(props).forEach(function (name) {
    var ctor = customElements.get(name);
    props[name].forEach(function (p) {
      Object.defineProperty(ctor.prototype, p, prop(p.toLowerCase()));
    });
  });
})();
