// A stand-in for Shopify's Polaris web components (https://cdn.shopify.com/shopifycloud/polaris-1.1.js), for
// the local demo and the browser tests, which have no Shopify. It defines the <s-*> elements See It's admin
// uses, with the attributes and properties it relies on (value, checked, loading, disabled, error,
// details, files) and styling close enough to the admin's for screenshots to mean something. It is not
// Shopify's code and covers only what the admin needs.
(function () {
  "use strict";
  const GAP = { none: "0", "small-500": "2px", "small-300": "4px", small: "8px", base: "16px", large: "24px" };
  const CSS = `
  :root { --p-bg: #f1f1f1; --p-surface: #fff; --p-text: #303030; --p-subdued: #616161; --p-border: #e3e3e3;
    --p-radius: 12px; font-family: -apple-system, BlinkMacSystemFont, "San Francisco", "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
  body { background: var(--p-bg); color: var(--p-text); font-size: 13px; line-height: 20px; }
  s-page { display: block; max-width: 998px; margin: 0 auto; padding: 20px 24px 48px; }
  s-section { display: block; background: var(--p-surface); border-radius: var(--p-radius); margin-bottom: 16px;
    box-shadow: 0 1px 0 rgba(26,26,26,.07), inset 0 -1px 0 rgba(0,0,0,.13), inset 0 0 0 1px rgba(0,0,0,.06); }
  s-stack { display: flex; flex-direction: column; }
  s-stack[direction="inline"] { flex-direction: row; flex-wrap: wrap; }
  s-grid { display: grid; }
  s-box { display: block; }
  s-box[background="subdued"] { background: #f7f7f7; }
  s-box[border="base"] { border: 1px solid var(--p-border); }
  s-box[border-radius="base"] { border-radius: 10px; }
  s-text { display: inline; }
  s-text[type="strong"] { font-weight: 650; }
  s-text[color="subdued"], s-paragraph[color="subdued"] { color: var(--p-subdued); }
  s-text[tone="critical"] { color: #8e1f0b; }
  s-paragraph { display: block; margin: 0 0 8px; }
  s-heading { display: block; font-size: 14px; font-weight: 650; margin: 8px 0; }
  s-card-heading { display: block; }
  s-badge { display: inline-flex; align-items: center; padding: 2px 8px; border-radius: 8px; font-size: 12px; line-height: 16px;
    font-weight: 550; background: rgba(0,0,0,.06); color: #616161; white-space: nowrap; }
  s-badge[tone="success"] { background: #cdfee1; color: #0c5132; }
  s-badge[tone="info"] { background: #e0f0ff; color: #00527c; }
  s-badge[tone="warning"] { background: #fff1e3; color: #5e4200; }
  s-badge[tone="critical"] { background: #fee9e8; color: #8e1f0b; }
  s-banner { display: block; border-radius: 12px; padding: 12px 16px; background: #eaf4ff; color: #00527c; margin-bottom: 16px; }
  s-banner[tone="success"] { background: #cdfee1; color: #0c5132; }
  s-banner[tone="warning"] { background: #fff1e3; color: #5e4200; }
  s-banner[tone="critical"] { background: #fee9e8; color: #8e1f0b; }
  s-banner > .s-banner-heading { display: block; margin-bottom: 4px; }
  s-table { display: table; width: 100%; border-collapse: collapse; }
  s-table-header-row { display: table-header-group; }
  s-table-header { display: table-cell; padding: 8px 12px; font-weight: 550; color: var(--p-subdued); background: #f7f7f7;
    border-bottom: 1px solid var(--p-border); text-align: left; white-space: nowrap; }
  s-table-header:first-child { border-top-left-radius: var(--p-radius); }
  s-table-header:last-child { border-top-right-radius: var(--p-radius); }
  s-table-body { display: table-row-group; }
  s-table-row { display: table-row; }
  s-table-row:hover { background: #fafafa; }
  s-table-cell { display: table-cell; padding: 8px 12px; border-bottom: 1px solid #ebebeb; vertical-align: middle; }
  s-table-body s-table-row:last-child s-table-cell { border-bottom: 0; }
  s-link { color: #005bd3; cursor: pointer; }
  s-link:hover { text-decoration: underline; }
  s-divider { display: block; border-top: 1px solid var(--p-border); margin: 12px 0; }
  s-option { display: none; }
  s-spinner { display: inline-block; width: 20px; height: 20px; border: 2px solid #ccc; border-top-color: #303030; border-radius: 50%; animation: s-spin 1s linear infinite; }
  @keyframes s-spin { to { transform: rotate(360deg); } }
  `;
  const FIELD_CSS = `
  :host { display: block; margin-bottom: 12px; font: inherit; }
  label { display: block; margin-bottom: 4px; color: #303030; }
  input, select, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 6px 12px; border-radius: 8px;
    border: 1px solid #8a8a8a; background: #fdfdfd; color: #303030; min-height: 32px; }
  input:focus, select:focus, textarea:focus { outline: 2px solid #005bd3; outline-offset: 1px; }
  .details { color: #616161; margin-top: 4px; font-size: 12px; }
  .error { color: #8e1f0b; margin-top: 4px; font-size: 12px; }
  .error:empty, .details:empty { display: none; }
  :host([disabled]) input { background: #f7f7f7; color: #8a8a8a; border-color: #e3e3e3; }
  `;

  const sheet = document.createElement("style");
  sheet.textContent = CSS;
  document.head.append(sheet);

  function spacing(element) {
    const gap = element.getAttribute("gap");
    if (gap) element.style.gap = GAP[gap] || gap;
    const padding = element.getAttribute("padding");
    if (padding) element.style.padding = GAP[padding] || padding;
    const align = element.getAttribute("align-items");
    if (align) element.style.alignItems = align;
    const justify = element.getAttribute("justify-content");
    if (justify) element.style.justifyContent = justify;
    const columns = element.getAttribute("grid-template-columns");
    if (columns) element.style.gridTemplateColumns = columns;
  }

  class Layout extends HTMLElement {
    static observedAttributes = ["gap", "padding", "align-items", "justify-content", "grid-template-columns"];
    connectedCallback() { spacing(this); }
    attributeChangedCallback() { spacing(this); }
  }
  for (const name of ["s-stack", "s-grid", "s-box"]) customElements.define(name, class extends Layout {});
  for (const name of ["s-text", "s-paragraph", "s-heading", "s-badge", "s-table", "s-table-header-row",
    "s-table-header", "s-table-body", "s-table-row", "s-table-cell", "s-divider", "s-option", "s-spinner"]) {
    customElements.define(name, class extends HTMLElement {});
  }

  class Shadowed extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: "open" });
    }
    attr(name, fallback = "") { return this.getAttribute(name) ?? fallback; }
  }

  customElements.define("s-page", class extends Shadowed {
    static observedAttributes = ["heading"];
    connectedCallback() { this.draw(); }
    attributeChangedCallback() { this.draw(); }
    draw() {
      this.shadowRoot.innerHTML = `<style>
        :host { display: block; } header { display: flex; align-items: center; justify-content: space-between; margin: 4px 0 16px; min-height: 32px; }
        h1 { font-size: 20px; line-height: 24px; font-weight: 700; margin: 0; }
      </style><header><h1 part="heading"></h1><span><slot name="primary-action"></slot></span></header><slot></slot>`;
      this.shadowRoot.querySelector("h1").textContent = this.attr("heading");
    }
  });

  customElements.define("s-section", class extends Shadowed {
    static observedAttributes = ["heading", "padding"];
    connectedCallback() { this.draw(); }
    attributeChangedCallback() { this.draw(); }
    draw() {
      const padded = this.attr("padding") !== "none";
      this.shadowRoot.innerHTML = `<style>
        :host { display: block; } .body { padding: ${padded ? "16px" : "0"}; }
        h2 { font-size: 14px; font-weight: 650; margin: 0 0 12px; } h2:empty { display: none; }
      </style><div class="body"><h2 part="heading"></h2><slot></slot></div>`;
      this.shadowRoot.querySelector("h2").textContent = this.attr("heading");
    }
  });

  customElements.define("s-thumbnail", class extends Shadowed {
    static observedAttributes = ["src", "alt", "size"];
    connectedCallback() { this.draw(); }
    attributeChangedCallback() { this.draw(); }
    draw() {
      const px = { "small-200": 24, small: 40, base: 60, large: 80 }[this.attr("size", "base")] || 60;
      this.shadowRoot.innerHTML = `<style>
        :host { display: inline-block; width: ${px}px; height: ${px}px; border-radius: 8px; overflow: hidden; border: 1px solid #e3e3e3; background: #f7f7f7; flex: none; }
        img { width: 100%; height: 100%; object-fit: cover; display: block; } img:not([src]), img[src=""] { display: none; }
      </style><img part="image">`;
      const img = this.shadowRoot.querySelector("img");
      img.alt = this.attr("alt");
      if (this.attr("src")) img.src = this.attr("src");
    }
  });

  customElements.define("s-button", class extends Shadowed {
    static observedAttributes = ["variant", "tone", "disabled", "loading"];
    constructor() {
      super();
      this.shadowRoot.innerHTML = `<style>
        :host { display: inline-block; } button { font: inherit; font-weight: 550; padding: 6px 12px; border-radius: 8px; cursor: pointer;
          border: 0; background: #fff; color: #303030; box-shadow: inset 0 -1px 0 #b5b5b5, inset 0 0 0 1px rgba(0,0,0,.1); min-height: 28px; white-space: nowrap; }
        button:hover { background: #f7f7f7; }
        :host([variant="primary"]) button { background: #303030; color: #fff; box-shadow: inset 0 -1px 0 #000, 0 1px 0 rgba(0,0,0,.2); }
        :host([variant="primary"]) button:hover { background: #1a1a1a; }
        :host([variant="tertiary"]) button { background: transparent; box-shadow: none; color: #303030; }
        :host([variant="tertiary"]) button:hover { background: rgba(0,0,0,.05); }
        :host([tone="critical"]) button { color: #8e1f0b; }
        :host([variant="primary"][tone="critical"]) button { background: #c70a24; color: #fff; box-shadow: inset 0 -1px 0 #8e1f0b; }
        :host([disabled]) button, :host([loading]) button { opacity: .55; cursor: default; pointer-events: none; }
        .spin { display: none; width: 12px; height: 12px; border: 2px solid currentColor; border-top-color: transparent; border-radius: 50%;
          margin-right: 6px; vertical-align: -2px; animation: r 1s linear infinite; }
        :host([loading]) .spin { display: inline-block; } @keyframes r { to { transform: rotate(360deg); } }
      </style><button part="button" type="button"><span class="spin"></span><slot></slot></button>`;
      this.addEventListener("click", (event) => {
        if (this.disabled || this.loading) {
          event.stopImmediatePropagation();
          return;
        }
        const href = this.getAttribute("href");
        if (href && !event.defaultPrevented) window.open(href, this.getAttribute("target") || "_self");
      });
    }
    get disabled() { return this.hasAttribute("disabled"); }
    set disabled(value) { this.toggleAttribute("disabled", Boolean(value)); }
    get loading() { return this.hasAttribute("loading"); }
    set loading(value) { this.toggleAttribute("loading", Boolean(value)); }
    attributeChangedCallback() {
      const button = this.shadowRoot.querySelector("button");
      button.disabled = this.disabled;
      button.setAttribute("aria-busy", String(this.loading));
    }
  });

  customElements.define("s-link", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", "link");
      this.tabIndex = 0;
      this.addEventListener("click", (event) => {
        const href = this.getAttribute("href");
        if (href && !event.defaultPrevented) window.open(href, this.getAttribute("target") || "_self");
      });
    }
  });

  customElements.define("s-banner", class extends HTMLElement {
    connectedCallback() {
      this.setAttribute("role", this.getAttribute("tone") === "critical" ? "alert" : "status");
      const heading = this.getAttribute("heading");
      if (heading && !this.querySelector(":scope > .s-banner-heading")) {
        const title = document.createElement("strong");
        title.className = "s-banner-heading";
        title.textContent = heading;
        this.prepend(title);
      }
    }
  });

  // Form fields: a label, a native control in the shadow root, details and error; `value` on the element.
  class Field extends Shadowed {
    static observedAttributes = ["label", "details", "error", "disabled"];
    control() { return "<input>"; }
    constructor() {
      super();
      this.shadowRoot.innerHTML = `<style>${FIELD_CSS}</style><label><span class="label"></span>${this.control()}</label>
        <div class="details"></div><div class="error" role="alert"></div>`;
      this.input = this.shadowRoot.querySelector("input, select, textarea");
      this.input.addEventListener("change", () => this.dispatchEvent(new Event("change", { bubbles: true })));
    }
    connectedCallback() {
      if (this.hasAttribute("value") && !this.touched) this.input.value = this.getAttribute("value");
      this.attributeChangedCallback();
    }
    attributeChangedCallback() {
      this.shadowRoot.querySelector(".label").textContent = this.attr("label");
      this.shadowRoot.querySelector(".details").textContent = this.attr("details");
      this.shadowRoot.querySelector(".error").textContent = this.attr("error");
      this.input.disabled = this.hasAttribute("disabled");
      this.input.setAttribute("aria-invalid", String(Boolean(this.attr("error"))));
    }
    get value() { return this.input.value; }
    set value(value) { this.touched = true; this.input.value = value ?? ""; }
    get error() { return this.attr("error"); }
    set error(message) { if (message) this.setAttribute("error", message); else this.removeAttribute("error"); }
    get details() { return this.attr("details"); }
    set details(text) { this.setAttribute("details", text); }
    get disabled() { return this.hasAttribute("disabled"); }
    set disabled(value) { this.toggleAttribute("disabled", Boolean(value)); }
  }
  customElements.define("s-text-field", class extends Field {});
  customElements.define("s-number-field", class extends Field {
    control() { return '<input type="number" inputmode="numeric">'; }
    connectedCallback() {
      super.connectedCallback();
      for (const name of ["min", "max", "step"]) if (this.hasAttribute(name)) this.input.setAttribute(name, this.getAttribute(name));
    }
    set min(v) { this.setAttribute("min", v); } set max(v) { this.setAttribute("max", v); }
  });
  customElements.define("s-text-area", class extends Field {
    control() { return "<textarea></textarea>"; }
    set rows(value) { this.input.rows = Number(value); }
  });
  customElements.define("s-select", class extends Field {
    control() { return "<select></select>"; }
    connectedCallback() {
      const wanted = this.touched ? this.input.value : this.getAttribute("value") ?? "";
      this.input.replaceChildren(...[...this.querySelectorAll("s-option")].map((option) => {
        const native = document.createElement("option");
        native.value = option.getAttribute("value") ?? option.textContent;
        native.textContent = option.textContent;
        return native;
      }));
      this.input.value = wanted;
      this.attributeChangedCallback();
    }
  });

  customElements.define("s-switch", class extends Shadowed {
    static observedAttributes = ["label", "details", "disabled", "checked"];
    constructor() {
      super();
      this.shadowRoot.innerHTML = `<style>
        :host { display: block; } label { display: inline-flex; align-items: center; gap: 8px; cursor: pointer; }
        input { appearance: none; margin: 0; width: 32px; height: 18px; border-radius: 9px; background: #b5b5b5; position: relative; cursor: pointer; transition: background .15s; }
        input::after { content: ""; position: absolute; top: 2px; left: 2px; width: 14px; height: 14px; border-radius: 50%; background: #fff; transition: left .15s; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
        input:checked { background: #303030; } input:checked::after { left: 16px; }
        input:disabled { opacity: .5; cursor: default; }
        :host([label-accessibility-visibility="exclusive"]) .label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .details { color: #616161; font-size: 12px; margin-top: 4px; } .details:empty { display: none; }
      </style><label><input type="checkbox" role="switch"><span class="label"></span></label><div class="details"></div>`;
      this.input = this.shadowRoot.querySelector("input");
      this.input.addEventListener("change", () => this.dispatchEvent(new Event("change", { bubbles: true })));
    }
    connectedCallback() {
      if (!this.touched) this.input.checked = this.hasAttribute("checked");
      this.attributeChangedCallback();
    }
    attributeChangedCallback() {
      this.shadowRoot.querySelector(".label").textContent = this.attr("label");
      this.shadowRoot.querySelector(".details").textContent = this.attr("details");
      this.input.disabled = this.hasAttribute("disabled");
    }
    get checked() { return this.input.checked; }
    set checked(value) { this.touched = true; this.input.checked = Boolean(value); }
    get disabled() { return this.hasAttribute("disabled"); }
    set disabled(value) { this.toggleAttribute("disabled", Boolean(value)); }
    set details(text) { if (text) this.setAttribute("details", text); }
  });

  customElements.define("s-drop-zone", class extends Shadowed {
    static observedAttributes = ["label", "accept"];
    constructor() {
      super();
      this.shadowRoot.innerHTML = `<style>
        :host { display: block; margin: 12px 0; } label { display: block; border: 1px dashed #8a8a8a; border-radius: 12px; padding: 20px; text-align: center;
          color: #303030; cursor: pointer; background: #fff; } label:hover, :host([dragging]) label { background: #f7f7f7; border-color: #005bd3; }
        input { position: absolute; width: 1px; height: 1px; opacity: 0; } .hint { display: block; color: #616161; font-size: 12px; margin-top: 4px; }
        :host([loading]) label { opacity: .55; pointer-events: none; }
      </style><label><input type="file"><span class="label"></span><span class="hint">Drop a file or click to choose one</span></label>`;
      this.input = this.shadowRoot.querySelector("input");
      this.input.addEventListener("change", () => this.dispatchEvent(new Event("change", { bubbles: true })));
      const zone = this.shadowRoot.querySelector("label");
      zone.addEventListener("dragover", (event) => { event.preventDefault(); this.setAttribute("dragging", ""); });
      zone.addEventListener("dragleave", () => this.removeAttribute("dragging"));
      zone.addEventListener("drop", (event) => {
        event.preventDefault();
        this.removeAttribute("dragging");
        this.input.files = event.dataTransfer.files;
        this.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    connectedCallback() { this.attributeChangedCallback(); }
    attributeChangedCallback() {
      this.shadowRoot.querySelector(".label").textContent = this.attr("label");
      if (this.hasAttribute("accept")) this.input.accept = this.getAttribute("accept");
    }
    get files() { return this.input.files; }
    get value() { return this.input.value; }
    set value(value) { if (!value) this.input.value = ""; }
    get loading() { return this.hasAttribute("loading"); }
    set loading(value) { this.toggleAttribute("loading", Boolean(value)); }
  });
})();
