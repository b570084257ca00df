// A local stand-in for Shopify App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js),
// which cannot load offline. It provides what Warranty Desk uses, the way App Bridge does:
//   - shopify.idToken(): a session token from the host (the demo admin page signs it);
//   - fetch(): same-origin requests carry `Authorization: Bearer <session token>`;
//   - <ui-nav-menu>: its links become the host's app navigation; the host's clicks navigate the app
//     through the `shopify:navigate` event the Remix AppProvider listens for;
//   - shopify.toast.show(), shopify.saveBar, <ui-title-bar>: shown by the host.
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
        tell("saveBar", { id: id, visible: true });
        return Promise.resolve();
      },
      hide: function (id) {
        tell("saveBar", { id: id, visible: false });
        return Promise.resolve();
      },
      toggle: function () {
        return Promise.resolve();
      },
      leaveConfirmation: function () {
        return Promise.resolve();
      },
    },
    loading: function (isLoading) {
      tell("loading", { loading: isLoading !== false });
    },
  };

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
