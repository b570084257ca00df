// A local stand-in for Shopify App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js),
// which cannot load offline. It provides what Warranty Desk uses, the way App Bridge does:
//   - shopify.idToken(): a session token from the host (the demo admin page signs it);
//   - fetch(): same-origin requests carry `Authorization: Bearer <session token>`;
//   - <ui-nav-menu>: its links become the host's app navigation; the host's clicks navigate the app
//     through the `shopify:navigate` event the Remix AppProvider listens for;
//   - shopify.toast.show(), shopify.saveBar, <ui-title-bar>: shown by the host;
//   - <ui-save-bar> and shopify.resourcePicker() (products): shown over the app's page.
// Only the host frame is simulated: the app's own code runs unchanged.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__warrantyDeskDemo) return;
  var host = window.parent;
  var pending = new Map();
  var nextId = 1;

  function ask(type, payload) {
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      pending.set(id, { resolve: resolve, reject: reject });
      host.postMessage({ source: "warranty-desk-app", id: id, type: type, payload: payload }, window.location.origin);
      setTimeout(function () {
        if (pending.has(id)) {
          pending.delete(id);
          reject(new Error("The demo admin did not answer " + type));
        }
      }, 10000);
    });
  }
  function tell(type, payload) {
    host.postMessage({ source: "warranty-desk-app", type: type, payload: payload }, window.location.origin);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.source !== "warranty-desk-host") return;
    var message = event.data;
    if (message.id && pending.has(message.id)) {
      var waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error));
      else waiter.resolve(message.payload);
      return;
    }
    if (message.type === "navigate") {
      var link = document.createElement("a");
      link.setAttribute("href", message.payload.href);
      link.style.display = "none";
      document.body.appendChild(link);
      link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
      link.remove();
    }
  });

  var cachedToken = null;
  function idToken() {
    if (cachedToken && cachedToken.expiresAt - Date.now() > 10000) return Promise.resolve(cachedToken.token);
    return ask("idToken").then(function (answer) {
      cachedToken = answer;
      return answer.token;
    });
  }

  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url, window.location.href);
    if (url.origin !== window.location.origin) return nativeFetch(input, init);
    var original = new Request(input, init);
    function send(token, retry) {
      var headers = new Headers(original.headers);
      if (!headers.has("Authorization") || retry) headers.set("Authorization", "Bearer " + token);
      return nativeFetch(new Request(original.clone(), { headers: headers })).then(function (response) {
        // Like App Bridge: the app asks for one retry with a fresh session token after it dropped
        // an access token Shopify refused.
        if (!retry && response.status === 401 && response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
          cachedToken = null;
          return idToken().then(function (fresh) {
            return send(fresh, true);
          });
        }
        return response;
      });
    }
    return idToken().then(function (token) {
      return send(token, false);
    });
  };

  window.shopify = {
    __warrantyDeskDemo: true,
    config: { apiKey: (document.currentScript && document.currentScript.dataset.apiKey) || "" },
    idToken: idToken,
    toast: {
      show: function (message, options) {
        tell("toast", { message: String(message), isError: Boolean(options && options.isError) });
        return "toast-" + nextId++;
      },
      hide: function () {},
    },
    saveBar: {
      show: function (id) {
        var bar = document.getElementById(id);
        if (bar && bar.show) return bar.show();
        tell("saveBar", { id: id, visible: true });
        return Promise.resolve();
      },
      hide: function (id) {
        var bar = document.getElementById(id);
        if (bar && bar.hide) return bar.hide();
        tell("saveBar", { id: id, visible: false });
        return Promise.resolve();
      },
      toggle: function () {
        return Promise.resolve();
      },
      leaveConfirmation: leaveConfirmation,
    },
    loading: function (isLoading) {
      tell("loading", { loading: isLoading !== false });
    },
    resourcePicker: resourcePicker,
  };

  // shopify.resourcePicker({ type: "product", multiple, selectionIds, filter }): resolves with the
  // picked resources (an array, also under `.selection`) or undefined when cancelled, like App
  // Bridge. Products only (what the app picks), listed from the demo store by the demo server.
  function resourcePicker(options) {
    if (!options || options.type !== "product") {
      return Promise.reject(new Error("The demo's resource picker lists products only"));
    }
    var query = options.query || "";
    return nativeFetch("/demo/api/products?" + new URLSearchParams({ query: query }))
      .then(function (r) {
        if (!r.ok) throw new Error("The demo store did not list its products (" + r.status + ")");
        return r.json();
      })
      .then(function (products) {
        return showPicker(products, options);
      });
  }
  function showPicker(products, options) {
    var multiple = options.multiple === true || typeof options.multiple === "number";
    var preselected = (options.selectionIds || []).map(function (s) { return s.id; });
    var dialog = document.createElement("dialog");
    dialog.setAttribute("aria-labelledby", "demo-picker-title");
    dialog.style.cssText = "border:0;border-radius:12px;padding:16px;min-width:360px;font:14px system-ui,sans-serif;box-shadow:0 8px 32px rgba(0,0,0,.3)";
    var verb = options.action === "select" ? "Select" : "Add";
    var title = document.createElement("h2");
    title.id = "demo-picker-title";
    title.textContent = verb + " products";
    title.style.cssText = "font-size:16px;margin:0 0 12px";
    var list = document.createElement("fieldset");
    list.style.cssText = "border:0;margin:0 0 16px;padding:0;display:grid;gap:8px";
    var legend = document.createElement("legend");
    legend.textContent = "Products";
    legend.style.cssText = "position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden";
    list.appendChild(legend);
    products.forEach(function (product) {
      var label = document.createElement("label");
      label.style.cssText = "display:flex;gap:8px;align-items:center";
      var input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = "demo-picker-product";
      input.value = product.id;
      input.checked = preselected.indexOf(product.id) >= 0;
      label.appendChild(input);
      label.appendChild(document.createTextNode(product.title));
      list.appendChild(label);
    });
    var buttons = document.createElement("div");
    buttons.style.cssText = "display:flex;gap:8px;justify-content:flex-end";
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = "Cancel";
    var confirm = document.createElement("button");
    confirm.type = "button";
    confirm.textContent = verb;
    confirm.style.cssText = "background:#303030;color:#fff;border:0;border-radius:8px;padding:6px 12px";
    buttons.appendChild(cancel);
    buttons.appendChild(confirm);
    dialog.appendChild(title);
    dialog.appendChild(list);
    dialog.appendChild(buttons);
    document.body.appendChild(dialog);
    dialog.showModal();
    return new Promise(function (resolve) {
      function close(result) {
        dialog.close();
        dialog.remove();
        resolve(result);
      }
      cancel.addEventListener("click", function () { close(undefined); });
      dialog.addEventListener("cancel", function () { close(undefined); });
      confirm.addEventListener("click", function () {
        var ids = Array.prototype.filter.call(list.querySelectorAll("input"), function (i) { return i.checked; })
          .map(function (i) { return i.value; });
        var picked = products.filter(function (p) { return ids.indexOf(p.id) >= 0; });
        picked.selection = picked;
        close(picked);
      });
    });
  }

  // shopify.saveBar.leaveConfirmation(): resolves at once when no save bar shows; else asks in the
  // admin's words and resolves only if the merchant leaves (staying leaves it pending, as App Bridge does).
  function leaveConfirmation() {
    var showing = Array.prototype.some.call(document.querySelectorAll("ui-save-bar"), function (bar) {
      return Boolean(bar._bar);
    });
    if (!showing) return Promise.resolve();
    return new Promise(function (resolve) {
      var dialog = document.createElement("dialog");
      dialog.setAttribute("aria-labelledby", "demo-leave-title");
      dialog.style.cssText = "border:0;border-radius:12px;padding:16px;max-width:420px;font:14px system-ui,sans-serif;box-shadow:0 8px 32px rgba(0,0,0,.3)";
      var title = document.createElement("h2");
      title.id = "demo-leave-title";
      title.textContent = "Leave page with unsaved changes?";
      title.style.cssText = "font-size:16px;margin:0 0 8px";
      var text = document.createElement("p");
      text.textContent = "Leaving this page will delete all unsaved changes.";
      var buttons = document.createElement("div");
      buttons.style.cssText = "display:flex;gap:8px;justify-content:flex-end";
      var stay = document.createElement("button");
      stay.type = "button";
      stay.textContent = "Stay";
      var leave = document.createElement("button");
      leave.type = "button";
      leave.textContent = "Leave page";
      leave.style.cssText = "background:#c70a24;color:#fff;border:0;border-radius:8px;padding:6px 12px";
      buttons.appendChild(stay);
      buttons.appendChild(leave);
      dialog.appendChild(title);
      dialog.appendChild(text);
      dialog.appendChild(buttons);
      document.body.appendChild(dialog);
      dialog.showModal();
      function close() {
        dialog.close();
        dialog.remove();
      }
      stay.addEventListener("click", close);
      dialog.addEventListener("cancel", close);
      leave.addEventListener("click", function () {
        close();
        resolve();
      });
    });
  }

  function defineElement(name, onChange) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
          var element = this;
          onChange(element);
          this._observer = new MutationObserver(function () {
            onChange(element);
          });
          this._observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
        }
      },
    );
  }

  defineElement("ui-nav-menu", function (menu) {
    var items = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { href: a.getAttribute("href"), label: a.textContent.trim(), home: a.getAttribute("rel") === "home" };
    });
    tell("navMenu", { items: items });
  });
  // <ui-save-bar id>: its <button variant="primary"> saves, its other <button> discards. Shown (by
  // show() or the `shopify.saveBar` API) as a bar at the top, as the admin shows it above the app.
  if (!customElements.get("ui-save-bar")) {
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
        }
        disconnectedCallback() {
          this.hide();
        }
        show() {
          if (this._bar) return Promise.resolve();
          var element = this;
          var bar = document.createElement("div");
          bar.setAttribute("role", "region");
          bar.setAttribute("aria-label", "Unsaved changes");
          bar.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:1000;display:flex;gap:8px;align-items:center;padding:8px 16px;background:#1a1a1a;color:#fff;font:14px system-ui,sans-serif";
          var text = document.createElement("span");
          text.textContent = "Unsaved changes";
          text.style.flex = "1";
          bar.appendChild(text);
          Array.prototype.forEach.call(element.querySelectorAll("button"), function (source) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = source.textContent.trim() || (source.getAttribute("variant") === "primary" ? "Save" : "Discard");
            button.disabled = source.disabled || source.hasAttribute("loading");
            if (source.getAttribute("variant") === "primary") button.style.cssText = "background:#fff;color:#1a1a1a;border:0;border-radius:8px;padding:6px 12px";
            button.addEventListener("click", function () { source.click(); });
            bar.appendChild(button);
          });
          document.body.appendChild(bar);
          this._bar = bar;
          tell("saveBar", { id: this.id, visible: true });
          this.dispatchEvent(new CustomEvent("show"));
          return Promise.resolve();
        }
        hide() {
          if (!this._bar) return Promise.resolve();
          this._bar.remove();
          this._bar = null;
          tell("saveBar", { id: this.id, visible: false });
          this.dispatchEvent(new CustomEvent("hide"));
          return Promise.resolve();
        }
        toggle() {
          return this._bar ? this.hide() : this.show();
        }
      },
    );
  }
  defineElement("ui-title-bar", function (bar) {
    tell("titleBar", { title: bar.getAttribute("title") || "" });
  });

  // Tell the host which page the app shows, so its navigation can mark the current item.
  function reportLocation() {
    tell("location", { pathname: window.location.pathname });
  }
  var pushState = history.pushState;
  history.pushState = function () {
    pushState.apply(history, arguments);
    reportLocation();
  };
  var replaceState = history.replaceState;
  history.replaceState = function () {
    replaceState.apply(history, arguments);
    reportLocation();
  };
  window.addEventListener("popstate", reportLocation);
  reportLocation();
})();
