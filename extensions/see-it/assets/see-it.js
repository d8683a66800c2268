// The See It block: a small custom element that shows the button when the product is enabled and loads the
// visualizer on the first click. Everything else lives in see-it-visualizer.js, fetched only when asked for.
(() => {
  if (customElements.get('see-it-block')) return;
  const configs = new Map();

  class SeeItBlock extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('.see-it__button');
      if (!button || this.button) return;
      this.button = button;
      button.addEventListener('click', () => this.open());
      if (this.dataset.state === 'ask') {
        // The metafield was not readable here: the app proxy answers whether the product is enabled.
        this.config().then((config) => {
          this.dataset.state = config && config.enabled ? 'on' : 'off';
        });
      }
    }

    /** The product's /config answer (one request per product and page), or null when it cannot be had. */
    config() {
      const id = this.dataset.productId;
      if (!configs.has(id)) {
        const url = `${this.dataset.proxy}/config?product_id=${encodeURIComponent(id)}`;
        configs.set(
          id,
          fetch(url, { headers: { Accept: 'application/json' } })
            .then((response) => (response.ok ? response.json() : null))
            .catch(() => null),
        );
      }
      return configs.get(id);
    }

    async open() {
      if (this.opening) return;
      this.opening = true;
      this.button.setAttribute('aria-busy', 'true');
      try {
        this.visualizer = this.visualizer || import(this.dataset.visualizer);
        const { openVisualizer } = await this.visualizer;
        await openVisualizer(this, this.button);
      } catch (error) {
        this.visualizer = null; // a failed download may work on the next click
        this.button.title = String(error && error.message);
      } finally {
        this.opening = false;
        this.button.removeAttribute('aria-busy');
      }
    }
  }

  customElements.define('see-it-block', SeeItBlock);
})();
