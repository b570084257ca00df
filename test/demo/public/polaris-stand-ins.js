// Stand-ins for the Polaris web components (s-*) that customer-account extensions render, for the
// offline demo only: just enough markup, semantics and style to use and test the extensions in a
// browser. Shopify renders the real ones; the extensions' own code runs unchanged.
//
// How Preact talks to them: a prop the element has as a property is set as that property (so each
// stand-in declares its props), anything else as an attribute; `onChange`/`onInput`/`onClick` are
// listeners for `change`/`input`/`click` on the element, whose `value`, `values`, `checked` and
// `files` the extension reads from `event.currentTarget`. Form controls are real <input>s,
// <textarea>s and <label>s inside each element's shadow root, built once and then updated in place
// (so typing keeps its caret and focus); links and buttons with `href` are real links, resolved by
// the demo page's `__warrantyDeskDemo.resolveHref` (extension:… and shopify:… URLs).
(function () {
  "use strict";
  var BASE_CSS =
    ":host{display:block;font-family:Inter,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;font-size:14px;line-height:1.45}" +
    ":host([hidden]){display:none}" +
    "h1{font-size:24px;margin:0 0 20px}h2{font-size:18px;margin:0 0 10px}h3,h4,h5,h6{font-size:15px;margin:0 0 8px}" +
    "p{margin:0}" +
    "button,a.button{font:inherit;font-weight:600;border-radius:8px;padding:8px 14px;border:1px solid #1a1a1a;background:#fff;color:#1a1a1a;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;gap:6px}" +
    "button.primary,a.button.primary{background:#1a1a1a;color:#fff}" +
    "button[aria-disabled=true]{opacity:.6;cursor:progress}" +
    "a{color:#005bd3}" +
    "a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #005bd3;outline-offset:2px}" +
    ".field{display:flex;flex-direction:column;gap:4px}" +
    ".field label,.legend{font-weight:600}" +
    "input[type=text],input[type=number],input[type=date],textarea{font:inherit;border:1px solid #8a8a8a;border-radius:8px;padding:8px 10px;background:#fff;color:#1a1a1a;max-width:100%}" +
    "textarea{resize:vertical}" +
    ".error{color:#8e1f0b;font-weight:500}" +
    "[aria-invalid=true]{border-color:#8e1f0b}" +
    ".required{color:#8e1f0b}";

  var GAPS = { none: "0", "small-500": "2px", "small-400": "2px", "small-300": "4px", "small-200": "6px", "small-100": "8px", small: "8px", base: "12px", "large-100": "16px", large: "20px", "large-200": "24px", "large-300": "32px" };
  var nextId = 0;
  var uid = function (prefix) {
    nextId += 1;
    return prefix + "-" + nextId;
  };
  // Shadow roots have no insertAdjacentHTML.
  var append = function (root, html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    root.appendChild(template.content);
  };
  var esc = function (value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  };

  // Every stand-in: props kept on the element (set as properties by Preact, or as attributes), a
  // shadow root built once (`build`) and brought up to date (`sync`) after each change.
  function define(name, spec) {
    if (customElements.get(name)) return;
    var props = spec.props || {};
    var attributeOf = {};
    Object.keys(props).forEach(function (prop) {
      attributeOf[prop.toLowerCase()] = prop;
    });
    var Element = class extends HTMLElement {
      static get observedAttributes() {
        return Object.keys(attributeOf);
      }
      constructor() {
        super();
        this._props = {};
        this._scheduled = false;
      }
      connectedCallback() {
        if (spec.role && !this.hasAttribute("role")) this.setAttribute("role", spec.role);
        if (!this.shadowRoot) {
          var root = this.attachShadow({ mode: "open" });
          root.innerHTML = "<style>" + BASE_CSS + (spec.css || "") + "</style>";
          if (spec.build) spec.build(this, root);
        }
        this._sync();
      }
      attributeChangedCallback(attribute, _old, value) {
        var prop = attributeOf[attribute];
        var type = props[prop];
        this._props[prop] = type === Boolean ? value !== null && value !== "false" : value;
        this._schedule();
      }
      _schedule() {
        if (this._scheduled || !this.shadowRoot) return;
        this._scheduled = true;
        var self = this;
        queueMicrotask(function () {
          self._scheduled = false;
          self._sync();
        });
      }
      _sync() {
        if (this.shadowRoot && spec.sync) spec.sync(this, this.shadowRoot);
      }
      // Tells the extension something changed, as the real component does.
      _emit(type) {
        this.dispatchEvent(new Event(type, { bubbles: true }));
      }
    };
    Object.keys(props).forEach(function (prop) {
      Object.defineProperty(Element.prototype, prop, {
        get: function () {
          return this._props[prop];
        },
        set: function (value) {
          this._props[prop] = value;
          this._schedule();
        },
        configurable: true,
      });
    });
    Object.keys(spec.methods || {}).forEach(function (method) {
      Element.prototype[method] = spec.methods[method];
    });
    customElements.define(name, Element);
  }

  // How deep an element sits in sections: the page's heading is h1, a section's h2, a nested one h3.
  function headingLevel(el) {
    var level = 2;
    for (var node = el.parentElement; node; node = node.parentElement) {
      if (node.localName === "s-section" && node !== el) level += 1;
    }
    return Math.min(level, 6);
  }

  // Links: extension:…, shopify:… and relative URLs go through the demo page's resolver.
  function resolve(href) {
    var demo = window.__warrantyDeskDemo;
    return demo && typeof demo.resolveHref === "function" ? demo.resolveHref(href) : href;
  }
  function followLink(event, href) {
    var demo = window.__warrantyDeskDemo;
    if (demo && typeof demo.followHref === "function" && demo.followHref(href)) event.preventDefault();
  }

  // ---- Layout and text -------------------------------------------------------------------------
  define("s-page", {
    props: { heading: String, subheading: String },
    css: "main{max-width:760px;margin:0 auto;padding:24px 20px 48px}.sub{color:#616161;margin:-14px 0 20px}",
    build: function (el, root) {
      append(root, '<main><h1></h1><p class="sub" hidden></p><slot></slot></main>');
    },
    sync: function (el, root) {
      root.querySelector("h1").textContent = el.heading || "";
      var sub = root.querySelector(".sub");
      sub.hidden = !el.subheading;
      sub.textContent = el.subheading || "";
    },
  });
  define("s-section", {
    props: { heading: String, accessibilityLabel: String, padding: String },
    css: "section{display:flex;flex-direction:column;gap:12px;background:#fff;border:1px solid #e3e3e3;border-radius:12px;padding:16px 18px}section>.heading{margin:0}section.nested{border:0;border-top:1px solid #ebebeb;border-radius:0;padding:12px 0 0}",
    build: function (el, root) {
      append(root, "<section><slot></slot></section>");
    },
    sync: function (el, root) {
      var section = root.querySelector("section");
      section.className = headingLevel(el) > 2 ? "nested" : "";
      var old = section.querySelector(":scope > .heading");
      if (old) old.remove();
      if (el.heading) {
        var h = document.createElement("h" + headingLevel(el));
        h.className = "heading";
        h.textContent = el.heading;
        section.prepend(h);
      }
      if (el.accessibilityLabel) section.setAttribute("aria-label", el.accessibilityLabel);
      else section.removeAttribute("aria-label");
    },
  });
  define("s-stack", {
    props: { direction: String, gap: String, alignItems: String, justifyContent: String, padding: String },
    build: function (el, root) {
      append(root, '<div class="stack"><slot></slot></div>');
    },
    sync: function (el, root) {
      var div = root.querySelector(".stack");
      var inline = el.direction === "inline";
      div.style.display = "flex";
      div.style.flexDirection = inline ? "row" : "column";
      div.style.flexWrap = inline ? "wrap" : "nowrap";
      div.style.gap = GAPS[el.gap || "base"] || GAPS.base;
      div.style.alignItems = el.alignItems || (inline ? "center" : "stretch");
      if (el.justifyContent) div.style.justifyContent = el.justifyContent;
    },
  });
  // Sizes are CSS lengths ("96px") or "fill"/"auto"; padding and radius are Polaris' scale.
  var size = function (value) {
    return value == null || value === "auto" ? "" : value === "fill" ? "100%" : String(value);
  };
  define("s-box", {
    props: { padding: String, inlineSize: String, blockSize: String, maxInlineSize: String, minInlineSize: String, background: String, borderRadius: String, border: String },
    build: function (el, root) {
      append(root, '<div class="box"><slot></slot></div>');
    },
    sync: function (el, root) {
      var box = root.querySelector(".box");
      box.style.inlineSize = size(el.inlineSize);
      box.style.blockSize = size(el.blockSize);
      box.style.maxInlineSize = size(el.maxInlineSize);
      box.style.minInlineSize = size(el.minInlineSize);
      box.style.padding = el.padding ? GAPS[el.padding] || "" : "";
      box.style.borderRadius = el.borderRadius ? "10px" : "";
      box.style.background = el.background === "subdued" ? "#f7f7f7" : "";
      box.style.border = el.border ? "1px solid #e3e3e3" : "";
    },
  });
  define("s-divider", {
    build: function (el, root) {
      append(root, '<hr style="border:0;border-top:1px solid #e3e3e3;margin:4px 0">');
    },
  });
  define("s-paragraph", {
    props: { color: String, tone: String },
    build: function (el, root) {
      append(root, "<p><slot></slot></p>");
    },
    sync: function (el, root) {
      root.querySelector("p").style.color = el.tone === "critical" ? "#8e1f0b" : el.color === "subdued" ? "#616161" : "";
    },
  });
  define("s-text", {
    props: { color: String, tone: String, type: String },
    css: ":host{display:inline}",
    build: function (el, root) {
      append(root, "<span><slot></slot></span>");
    },
    sync: function (el, root) {
      var span = root.querySelector("span");
      span.style.color = el.tone === "critical" ? "#8e1f0b" : el.color === "subdued" ? "#616161" : "";
      span.style.fontWeight = el.type === "strong" || el.tone === "critical" ? "600" : "";
    },
  });
  define("s-heading", {
    props: { accessibilityRole: String },
    build: function (el, root) {
      append(root, '<div class="h"></div>');
    },
    sync: function (el, root) {
      var holder = root.querySelector(".h");
      var level = headingLevel(el);
      if (holder.dataset.level !== String(level)) {
        holder.dataset.level = String(level);
        holder.innerHTML = "<h" + level + "><slot></slot></h" + level + ">";
      }
    },
  });
  define("s-badge", {
    props: { tone: String, color: String },
    css: ":host{display:inline-block}span{display:inline-block;border-radius:8px;padding:2px 8px;font-size:13px;font-weight:600;background:#e3e3e3;color:#1a1a1a}span.success{background:#cdfee1;color:#0c5132}span.critical{background:#fedad9;color:#8e1f0b}span.warning{background:#ffd6a4;color:#5e4200}",
    build: function (el, root) {
      append(root, "<span><slot></slot></span>");
    },
    sync: function (el, root) {
      root.querySelector("span").className = el.tone || "";
    },
  });
  define("s-banner", {
    props: { tone: String, heading: String, dismissible: Boolean },
    css: ".banner{border-radius:10px;padding:12px 14px;background:#eaf4ff;border:1px solid #b5d7ff}.banner.critical{background:#fee9e8;border-color:#fbc2bd}.banner.warning{background:#fff1d6;border-color:#ffd37a}.banner.success{background:#e3f8ea;border-color:#a5e3bb}.heading{display:block;font-weight:700;margin-bottom:4px}",
    build: function (el, root) {
      append(root, '<div class="banner"><strong class="heading"></strong><slot></slot></div>');
    },
    sync: function (el, root) {
      var tone = el.tone || "info";
      var div = root.querySelector(".banner");
      div.className = "banner " + tone;
      div.setAttribute("role", tone === "critical" ? "alert" : "status");
      var heading = root.querySelector(".heading");
      heading.hidden = !el.heading;
      heading.textContent = el.heading || "";
    },
  });
  define("s-spinner", {
    props: { accessibilityLabel: String, size: String },
    css: ":host{display:block;color:#616161}",
    build: function (el, root) {
      append(root, '<span role="progressbar"></span>');
    },
    sync: function (el, root) {
      var span = root.querySelector("span");
      var label = el.accessibilityLabel || "Loading";
      span.setAttribute("aria-label", label);
      span.textContent = label + "…";
    },
  });
  define("s-progress", {
    props: { value: Number, max: Number, accessibilityLabel: String },
    css: ":host{display:inline-block}progress{width:140px;vertical-align:middle}",
    build: function (el, root) {
      append(root, "<progress></progress>");
    },
    sync: function (el, root) {
      var progress = root.querySelector("progress");
      progress.max = Number(el.max) || 100;
      if (el.value == null) progress.removeAttribute("value");
      else progress.value = Number(el.value);
      progress.setAttribute("aria-label", el.accessibilityLabel || "Progress");
    },
  });
  define("s-image", {
    props: { src: String, alt: String, inlineSize: String, aspectRatio: String, objectFit: String, loading: String },
    css: ":host{display:block}img{display:block;width:100%;max-width:100%;border-radius:8px}",
    build: function (el, root) {
      append(root, "<img>");
    },
    sync: function (el, root) {
      var img = root.querySelector("img");
      if (el.src) img.src = el.src;
      else img.removeAttribute("src");
      img.alt = el.alt || "";
      img.style.objectFit = el.objectFit || "";
      // (always eager: the demo's frames grow to their content, so "lazy" would wait for a scroll)
    },
  });
  define("s-unordered-list", {
    role: "list",
    css: ":host{padding-left:20px}",
    build: function (el, root) {
      append(root, '<div style="display:flex;flex-direction:column;gap:4px"><slot></slot></div>');
    },
  });
  define("s-ordered-list", {
    role: "list",
    css: ":host{padding-left:20px}",
    build: function (el, root) {
      append(root, '<div style="display:flex;flex-direction:column;gap:8px"><slot></slot></div>');
    },
  });
  define("s-list-item", {
    role: "listitem",
    css: ":host{display:list-item}:host-context(s-ordered-list){list-style:decimal}:host-context(s-unordered-list){list-style:disc}",
    build: function (el, root) {
      append(root, "<slot></slot>");
    },
  });

  // ---- Actions -----------------------------------------------------------------------------------
  // A button or a link: a real <a> when it has an href (s-button href navigates, as in customer
  // accounts), else a <button>. While loading (or disabled) its clicks do not reach the extension.
  function actionSpec(kind) {
    return {
      props: { href: String, variant: String, tone: String, loading: Boolean, disabled: Boolean, accessibilityLabel: String, target: String, type: String },
      css: kind === "link" ? ":host{display:inline}" : ":host{display:inline-block}",
      build: function (el, root) {
        append(root, '<span class="holder"></span>');
      },
      sync: function (el, root) {
        var holder = root.querySelector(".holder");
        var wantLink = Boolean(el.href);
        var current = holder.firstElementChild;
        if (!current || (current.localName === "a") !== wantLink) {
          holder.innerHTML = wantLink ? "<a><slot></slot></a>" : '<button type="button"><slot></slot></button>';
          current = holder.firstElementChild;
          current.addEventListener("click", function (event) {
            if (el.loading || el.disabled) {
              event.preventDefault();
              event.stopPropagation();
              return;
            }
            if (el.href) followLink(event, el.href);
          });
        }
        if (wantLink) current.setAttribute("href", resolve(el.href));
        current.className = kind === "button" ? "button " + (el.variant === "primary" ? "primary" : "") : "";
        if (el.accessibilityLabel) current.setAttribute("aria-label", el.accessibilityLabel);
        else current.removeAttribute("aria-label");
        var inactive = Boolean(el.loading || el.disabled);
        if (inactive) current.setAttribute("aria-disabled", "true");
        else current.removeAttribute("aria-disabled");
        if (el.loading) current.setAttribute("aria-busy", "true");
        else current.removeAttribute("aria-busy");
      },
    };
  }
  define("s-button", actionSpec("button"));
  define("s-link", actionSpec("link"));
  define("s-clickable", actionSpec("link"));

  // ---- Form fields ---------------------------------------------------------------------------------
  // One labelled control with its error message, wired to the element's value and events.
  function fieldSpec(opts) {
    return {
      props: Object.assign(
        { label: String, value: String, name: String, error: String, required: Boolean, disabled: Boolean, placeholder: String, details: String },
        opts.props || {},
      ),
      build: function (el, root) {
        var id = uid("field");
        append(root, '<div class="field"><label for="' + id + '"></label>' + opts.control(id) + '<span class="details" id="' + id + '-details" style="color:#616161"></span><span class="error" id="' + id + '-error" hidden></span></div>',
        );
        var control = root.getElementById(id);
        control.addEventListener("input", function (event) {
          event.stopPropagation();
          el._props.value = control.value;
          el._emit("input");
        });
        control.addEventListener("change", function (event) {
          event.stopPropagation();
          el._props.value = control.value;
          el._emit("change");
        });
        control.addEventListener("blur", function () {
          el.dispatchEvent(new Event("blur"));
        });
      },
      sync: function (el, root) {
        var label = root.querySelector("label");
        var control = label.nextElementSibling;
        label.textContent = el.label || "";
        if (el.required) label.insertAdjacentHTML("beforeend", ' <span class="required" aria-hidden="true">*</span>');
        var value = el.value == null ? "" : String(el.value);
        if (control.value !== value) control.value = value;
        control.required = Boolean(el.required);
        control.disabled = Boolean(el.disabled);
        if (el.placeholder) control.placeholder = el.placeholder;
        if (opts.sync) opts.sync(el, control);
        var details = root.querySelector(".details");
        details.textContent = el.details || "";
        details.hidden = !el.details;
        var error = root.querySelector(".error");
        error.textContent = el.error || "";
        error.hidden = !el.error;
        var described = [el.details ? details.id : null, el.error ? error.id : null].filter(Boolean).join(" ");
        if (described) control.setAttribute("aria-describedby", described);
        else control.removeAttribute("aria-describedby");
        if (el.error) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      },
    };
  }
  define(
    "s-text-field",
    fieldSpec({
      props: { maxLength: Number },
      control: function (id) {
        return '<input type="text" id="' + id + '">';
      },
      sync: function (el, control) {
        if (el.maxLength) control.maxLength = Number(el.maxLength);
      },
    }),
  );
  define(
    "s-text-area",
    fieldSpec({
      props: { maxLength: Number, rows: Number },
      control: function (id) {
        return '<textarea id="' + id + '"></textarea>';
      },
      sync: function (el, control) {
        if (el.maxLength) control.maxLength = Number(el.maxLength);
        control.rows = Number(el.rows) || 3;
      },
    }),
  );
  define(
    "s-number-field",
    fieldSpec({
      props: { min: Number, max: Number, step: Number },
      control: function (id) {
        return '<input type="number" inputmode="numeric" id="' + id + '" style="width:8em">';
      },
      sync: function (el, control) {
        ["min", "max", "step"].forEach(function (p) {
          if (el[p] == null) control.removeAttribute(p);
          else control.setAttribute(p, String(el[p]));
        });
      },
    }),
  );
  define(
    "s-date-field",
    fieldSpec({
      control: function (id) {
        return '<input type="date" id="' + id + '" style="width:12em">';
      },
    }),
  );

  define("s-checkbox", {
    props: { label: String, checked: Boolean, value: String, name: String, error: String, disabled: Boolean, required: Boolean },
    css: ".row{display:flex;gap:8px;align-items:center}input{width:18px;height:18px;margin:0}",
    build: function (el, root) {
      var id = uid("checkbox");
      append(root, '<div class="row"><input type="checkbox" id="' + id + '"><label for="' + id + '"></label></div><span class="error" id="' + id + '-error" hidden></span>',
      );
      var input = root.getElementById(id);
      input.addEventListener("change", function (event) {
        event.stopPropagation();
        el._props.checked = input.checked;
        el._emit("input");
        el._emit("change");
      });
      input.addEventListener("input", function (event) {
        event.stopPropagation();
      });
    },
    sync: function (el, root) {
      var input = root.querySelector("input");
      root.querySelector("label").textContent = el.label || "";
      input.checked = Boolean(el.checked);
      input.disabled = Boolean(el.disabled);
      var error = root.querySelector(".error");
      error.textContent = el.error || "";
      error.hidden = !el.error;
      if (el.error) input.setAttribute("aria-describedby", error.id);
      else input.removeAttribute("aria-describedby");
    },
  });

  // A choice list draws its own radio buttons (or checkboxes with `multiple`) from its <s-choice>
  // children, inside one fieldset, so they are one group for the keyboard and screen readers.
  define("s-choice", {
    props: { value: String, selected: Boolean, disabled: Boolean },
    css: ":host{display:none}",
    sync: function (el) {
      var list = el.closest("s-choice-list");
      if (list && list._schedule) list._schedule();
    },
  });
  define("s-choice-list", {
    props: { label: String, name: String, values: Array, error: String, multiple: Boolean, disabled: Boolean, labelAccessibilityVisibility: String },
    css: "fieldset{border:0;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}legend{padding:0;margin-bottom:4px;font-weight:600}.choice{display:flex;gap:8px;align-items:center}input{width:18px;height:18px;margin:0}",
    build: function (el, root) {
      var id = uid("choices");
      append(root, '<fieldset><legend></legend><div class="choices"></div><span class="error" id="' + id + '-error" hidden></span></fieldset>',
      );
      new MutationObserver(function () {
        el._schedule();
      }).observe(el, { childList: true, subtree: true, characterData: true });
    },
    sync: function (el, root) {
      var choices = Array.prototype.filter.call(el.children, function (child) {
        return child.localName === "s-choice";
      });
      var type = el.multiple ? "checkbox" : "radio";
      var signature = type + "|" + choices.map(function (c) {
        return String(c.value) + "=" + c.textContent;
      }).join("|");
      var holder = root.querySelector(".choices");
      var group = el._group || (el._group = uid("group"));
      if (holder.dataset.signature !== signature) {
        holder.dataset.signature = signature;
        holder.innerHTML = choices
          .map(function (choice, index) {
            var id = group + "-" + index;
            return '<div class="choice"><input type="' + type + '" id="' + id + '" name="' + group + '" value="' + esc(choice.value) + '"><label for="' + id + '">' + esc(choice.textContent.trim()) + "</label></div>";
          })
          .join("");
        Array.prototype.forEach.call(holder.querySelectorAll("input"), function (input) {
          input.addEventListener("change", function (event) {
            event.stopPropagation();
            var picked = Array.prototype.filter.call(holder.querySelectorAll("input"), function (i) {
              return i.checked;
            }).map(function (i) {
              return i.value;
            });
            el._props.values = picked;
            el._emit("input");
            el._emit("change");
          });
          input.addEventListener("input", function (event) {
            event.stopPropagation();
          });
        });
      }
      var values = Array.isArray(el.values) ? el.values.map(String) : [];
      var selectedByChild = choices.some(function (c) {
        return c.selected;
      });
      Array.prototype.forEach.call(holder.querySelectorAll("input"), function (input, index) {
        var choice = choices[index];
        input.checked = el.values != null && !selectedByChild ? values.indexOf(input.value) >= 0 : Boolean(choice && choice.selected);
        input.disabled = Boolean(el.disabled || (choice && choice.disabled));
      });
      root.querySelector("legend").textContent = el.label || "";
      var error = root.querySelector(".error");
      error.textContent = el.error || "";
      error.hidden = !el.error;
      var fieldset = root.querySelector("fieldset");
      if (el.error) fieldset.setAttribute("aria-describedby", error.id);
      else fieldset.removeAttribute("aria-describedby");
    },
  });

  // A drop zone is a real file input (so a shopper can pick files and Playwright can set them); the
  // files are on the element as `files` until the extension clears `value`.
  define("s-drop-zone", {
    props: { label: String, accept: String, multiple: Boolean, required: Boolean, disabled: Boolean, error: String, name: String, accessibilityLabel: String },
    css: ".zone{display:flex;flex-direction:column;gap:6px;border:2px dashed #8a8a8a;border-radius:12px;padding:14px;background:#fafafa}.zone.invalid{border-color:#8e1f0b}label{font-weight:600}input{font:inherit}",
    methods: {},
    build: function (el, root) {
      var id = uid("drop");
      append(root, '<div class="zone"><label for="' + id + '"></label><input type="file" id="' + id + '"><span class="error" id="' + id + '-error" hidden></span></div>',
      );
      var input = root.getElementById(id);
      el._files = [];
      input.addEventListener("change", function (event) {
        event.stopPropagation();
        el._files = Array.prototype.slice.call(input.files || []);
        el._emit("input");
        el._emit("change");
      });
      input.addEventListener("input", function (event) {
        event.stopPropagation();
      });
      var zone = root.querySelector(".zone");
      zone.addEventListener("dragover", function (event) {
        event.preventDefault();
      });
      zone.addEventListener("drop", function (event) {
        event.preventDefault();
        if (el.disabled || !event.dataTransfer) return;
        el._files = Array.prototype.slice.call(event.dataTransfer.files || []);
        el._emit("input");
        el._emit("change");
      });
    },
    sync: function (el, root) {
      var input = root.querySelector("input");
      var label = root.querySelector("label");
      label.textContent = el.label || el.accessibilityLabel || "";
      if (el.accept) input.accept = el.accept;
      else input.removeAttribute("accept");
      input.multiple = Boolean(el.multiple);
      input.required = Boolean(el.required);
      input.disabled = Boolean(el.disabled);
      var error = root.querySelector(".error");
      error.textContent = el.error || "";
      error.hidden = !el.error;
      root.querySelector(".zone").className = "zone" + (el.error ? " invalid" : "");
      if (el.error) {
        input.setAttribute("aria-describedby", error.id);
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-describedby");
        input.removeAttribute("aria-invalid");
      }
    },
  });
  var dropZone = customElements.get("s-drop-zone");
  Object.defineProperty(dropZone.prototype, "files", {
    get: function () {
      return this._files || [];
    },
    configurable: true,
  });
  Object.defineProperty(dropZone.prototype, "value", {
    get: function () {
      return this._files && this._files.length ? this._files[0].name : "";
    },
    set: function (value) {
      if (value) return;
      this._files = [];
      var input = this.shadowRoot && this.shadowRoot.querySelector("input");
      if (input) input.value = "";
    },
    configurable: true,
  });

  // Any other s-* element has no stand-in yet: say so loudly (the e2e tests fail on it) and show
  // its content, so the page still works.
  function reportMissing(node) {
    if (node.nodeType !== 1) return;
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll("*")));
    all.forEach(function (el) {
      var name = el.localName;
      if (name.indexOf("s-") === 0 && !customElements.get(name)) {
        console.error("[demo] no stand-in for <" + name + ">");
        customElements.define(name, class extends HTMLElement {});
      }
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, reportMissing);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
