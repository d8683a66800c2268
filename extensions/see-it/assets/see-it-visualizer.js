// The See It dialog: photo, upload, placement, render, result. Loaded by see-it.js on the first click.
import { proxyClient, SeeItError } from './see-it-api.js';
import { eventReporter, visitorId } from './see-it-events.js';
import { Placement, visibleCutout } from './see-it-placement.js';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';
const opened = new WeakMap();
let count = 0;

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function stylesheet(href) {
  if (document.querySelector(`link[data-see-it-css]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = element('link', { rel: 'stylesheet', href, 'data-see-it-css': '' });
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
}

class Visualizer {
  constructor(host, opener) {
    this.host = host;
    this.opener = opener;
    this.strings = JSON.parse(host.querySelector('.see-it__strings').textContent);
    this.api = proxyClient(host.dataset.proxy);
    this.events = eventReporter(`${host.dataset.proxy}/events`);
    this.room = null;
    this.job = null;
    this.build();
  }

  t(key, values = {}) {
    return (this.strings[key] || '').replace(/\[(\w+)\]/g, (_, name) => values[name] ?? '');
  }

  /** Tell the merchant's funnel what the shopper just did (about this product and the variant rendered). */
  report(kind, fields = {}) {
    this.events.report(kind, { product_id: this.host.dataset.productId, variant_id: this.variant || undefined, ...fields });
  }

  /** The variant the page shows now: the theme's product form, else the URL, else the one the page opened with. */
  shownVariant() {
    const scope = this.host.closest('.shopify-section') || document;
    const field = scope.querySelector('form[action*="/cart/add"] [name="id"]') || document.querySelector('form[action*="/cart/add"] [name="id"]');
    const id = (field && field.value) || new URLSearchParams(location.search).get('variant') || this.host.dataset.variantId;
    return /^\d{1,20}$/.test(id || '') ? id : null;
  }

  button(key, className = 'see-it-dialog__secondary') {
    return element('button', { type: 'button', class: className, text: this.t(key) });
  }

  fileInput(key, capture) {
    const input = element('input', { type: 'file', accept: 'image/*', class: 'see-it-dialog__file' });
    if (capture) input.setAttribute('capture', 'environment');
    input.addEventListener('change', () => input.files[0] && this.usePhoto(input.files[0], input));
    const label = element('label', { class: 'see-it-dialog__primary see-it-dialog__pick' }, [input, this.t(key)]);
    return label;
  }

  build() {
    const id = `see-it-title-${++count}`;
    this.title = element('h2', { id, class: 'see-it-dialog__title', text: this.t('title') });
    this.close = element('button', { type: 'button', class: 'see-it-dialog__close', 'aria-label': this.t('close') });
    this.close.innerHTML = '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2"/></svg>';
    this.status = element('p', { class: 'see-it-dialog__status', role: 'status', 'aria-live': 'polite' });
    this.error = element('p', { class: 'see-it-dialog__error', role: 'alert', hidden: '' });

    const coarse = matchMedia('(pointer: coarse)').matches;
    this.photoStep = element('div', { class: 'see-it-dialog__step', 'data-step': 'photo' }, [
      element('p', { class: 'see-it-dialog__intro', text: this.t('intro') }),
      element('div', { class: 'see-it-dialog__actions' }, [
        ...(coarse ? [this.fileInput('take_photo', true)] : []),
        this.fileInput('choose_photo', false),
      ]),
    ]);

    this.progress = element('progress', { class: 'see-it-dialog__progress', max: '100', 'aria-label': this.t('uploading') });
    this.progressStep = element('div', { class: 'see-it-dialog__step', 'data-step': 'progress', hidden: '' }, [this.progress]);

    this.roomImage = element('img', { class: 'see-it-dialog__room', alt: '' });
    this.productImage = element('img', {
      class: 'see-it-dialog__product',
      alt: '',
      tabindex: '0',
      role: 'img',
      'aria-label': this.t('product_label'),
    });
    this.stage = element('div', { class: 'see-it-dialog__stage' }, [this.roomImage, this.productImage]);
    this.smaller = this.button('smaller', 'see-it-dialog__round');
    this.smaller.textContent = '−';
    this.smaller.setAttribute('aria-label', this.t('smaller'));
    this.bigger = this.button('bigger', 'see-it-dialog__round');
    this.bigger.textContent = '+';
    this.bigger.setAttribute('aria-label', this.t('bigger'));
    this.cleanup = this.button('cleanup');
    this.other = this.button('other_photo');
    this.render = this.button('render', 'see-it-dialog__primary');
    this.placeStep = element('div', { class: 'see-it-dialog__step', 'data-step': 'place', hidden: '' }, [
      element('p', { class: 'see-it-dialog__hint', text: this.t('place_hint') }),
      this.stage,
      element('div', { class: 'see-it-dialog__actions' }, [this.smaller, this.bigger, this.cleanup, this.other, this.render]),
    ]);

    this.result = element('img', { class: 'see-it-dialog__result', alt: this.t('result_alt') });
    this.again = this.button('try_again');
    this.download = this.button('download');
    this.share = this.button('share');
    this.viewCart = element('a', { class: 'see-it-dialog__secondary', href: this.host.dataset.cart || '/cart', text: this.t('view_cart'), hidden: '' });
    this.cart = this.button('add_to_cart', 'see-it-dialog__primary');
    this.shareLink = element('input', { class: 'see-it-dialog__link', type: 'url', readonly: '', hidden: '', 'aria-label': this.t('share') });
    this.resultStep = element('div', { class: 'see-it-dialog__step', 'data-step': 'result', hidden: '' }, [
      this.result,
      element('div', { class: 'see-it-dialog__actions' }, [this.again, this.download, this.share, this.viewCart, this.cart]),
      this.shareLink,
    ]);

    this.dialog = element('dialog', { class: 'see-it-dialog', 'aria-labelledby': id }, [
      element('div', { class: 'see-it-dialog__bar' }, [this.title, this.close]),
      this.status,
      this.error,
      this.photoStep,
      this.progressStep,
      this.placeStep,
      this.resultStep,
    ]);
    this.dialog.style.setProperty('--see-it-accent', getComputedStyle(this.host).getPropertyValue('--see-it-accent'));
    this.placement = new Placement(this.stage, this.roomImage, this.productImage, () => {});

    this.close.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => this.opener.focus());
    this.dialog.addEventListener('keydown', (event) => event.key === 'Tab' && this.trapFocus(event));
    this.smaller.addEventListener('click', () => this.placement.grow(1 / 1.1));
    this.bigger.addEventListener('click', () => this.placement.grow(1.1));
    this.other.addEventListener('click', () => this.show(this.photoStep));
    this.cleanup.addEventListener('click', () => this.cleanUp());
    this.render.addEventListener('click', () => this.renderPicture());
    this.again.addEventListener('click', () => this.show(this.placeStep, this.productImage));
    this.download.addEventListener('click', () => this.save());
    this.share.addEventListener('click', () => this.shareResult());
    this.cart.addEventListener('click', () => this.addToCart());
    document.body.append(this.dialog);
  }

  trapFocus(event) {
    const items = [...this.dialog.querySelectorAll(FOCUSABLE)].filter((node) => node.offsetParent !== null);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && document.activeElement === last) {
      first.focus();
      event.preventDefault();
    }
  }

  async open() {
    this.config = this.config || (await this.host.config());
    this.dialog.showModal();
    // Once a page: the funnel counts the pages on which a shopper opened See It, not each reopening.
    if (!this.reportedOpen) this.report('opened');
    this.reportedOpen = true;
    const pick = this.photoStep.querySelector('input');
    if (!this.room) this.show(this.photoStep, pick);
    else this.dialog.querySelector('.see-it-dialog__step:not([hidden]) ' + FOCUSABLE)?.focus();
  }

  show(step, focus) {
    for (const node of [this.photoStep, this.progressStep, this.placeStep, this.resultStep]) node.hidden = node !== step;
    if (step !== this.progressStep) this.progress.removeAttribute('value');
    (focus || step.querySelector(FOCUSABLE) || this.close).focus();
  }

  say(message) {
    this.status.textContent = message;
  }

  fail(error) {
    const code = error instanceof SeeItError ? error.code : 'service_unavailable';
    const messages = {
      quota_exceeded: () => this.t('error_quota', { time: this.when(error.details.resets_at) }),
      rate_limited: () => this.t('error_rate', { seconds: error.retryAfter || 60 }),
      payload_too_large: () => this.t('error_too_large'),
      unsupported_media_type: () => this.t('error_not_image'),
      room_session_expired: () => this.t('error_expired'),
      asset_not_ready: () => this.t('error_not_ready'),
      render_failed: () => this.t('error_render'),
      cart_failed: () => error.details.description || this.t('error_cart'),
    };
    this.error.textContent = (messages[code] || (() => this.t('error_unavailable')))();
    this.error.hidden = false;
    if (code === 'room_session_expired') {
      this.room = null;
      this.show(this.photoStep);
    }
  }

  when(iso) {
    const date = iso ? new Date(iso) : null;
    if (!date || Number.isNaN(date.getTime())) return '';
    const options = { dateStyle: 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(date);
  }

  clearError() {
    this.error.hidden = true;
    this.error.textContent = '';
  }

  /** The photo as a JPEG no larger than the service keeps, decoded and re-encoded here (EXIF goes too). */
  async shrink(file) {
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      throw new SeeItError('unsupported_media_type');
    }
    const side = (this.config && this.config.room_max_side) || 2048;
    const ratio = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const canvas = element('canvas', {
      width: String(Math.round(bitmap.width * ratio)),
      height: String(Math.round(bitmap.height * ratio)),
    });
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    if (!blob) throw new SeeItError('unsupported_media_type');
    return blob;
  }

  async usePhoto(file, input) {
    this.clearError();
    this.say(this.t('preparing_photo'));
    this.show(this.progressStep, this.close);
    try {
      const photo = await this.shrink(file);
      this.say(this.t('uploading'));
      this.progress.setAttribute('aria-label', this.t('uploading'));
      this.progress.value = 0;
      this.room = await this.api.uploadRoom(photo, (done) => {
        this.progress.value = Math.round(done * 100);
      });
      await this.showRoom(this.room.original_room_image_url);
      this.report('room_uploaded');
      this.cleanup.disabled = false; // a new photo can be tidied up in its turn
      this.say(this.t('uploaded'));
    } catch (error) {
      this.say('');
      this.show(this.photoStep);
      this.fail(error);
    } finally {
      input.value = '';
    }
  }

  async showRoom(url) {
    const asset = this.config && this.config.asset;
    if (!asset || !asset.prepared_image_url) throw new SeeItError('asset_not_ready');
    const loads = [this.loaded(this.roomImage, url)];
    if (!this.productImage.src) {
      loads.push(visibleCutout(asset.prepared_image_url).then((src) => this.loaded(this.productImage, src)));
    }
    await Promise.all(loads);
    this.show(this.placeStep, this.productImage);
    this.placement.reset();
  }

  loaded(image, url) {
    return new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new SeeItError('service_unavailable'));
      image.src = url;
    });
  }

  async cleanUp() {
    this.clearError();
    this.cleanup.disabled = true;
    this.say(this.t('cleaning'));
    try {
      let room = await this.api.request(`/rooms/${this.room.id}/cleanup`, { method: 'POST' });
      while (room.cleanup_status === 'queued' || room.cleanup_status === 'processing') {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        room = await this.api.request(`/rooms/${this.room.id}`);
      }
      if (room.cleanup_status !== 'completed') throw new SeeItError('render_failed');
      this.room = room;
      await this.loaded(this.roomImage, room.cleaned_room_image_url);
      this.placement.draw();
      this.say(this.t('cleaned'));
    } catch (error) {
      this.say('');
      this.cleanup.disabled = false;
      this.fail(error);
    }
  }

  async renderPicture() {
    this.clearError();
    this.render.disabled = true;
    this.show(this.progressStep, this.close);
    this.progress.removeAttribute('value'); // no percentage for a render: the stage says how far it is
    this.progress.setAttribute('aria-label', this.t('render'));
    this.say(this.t('stage_queued'));
    const { x, y, scale } = this.placement.value;
    this.variant = this.shownVariant();
    const body = {
      product_id: this.host.dataset.productId,
      room_session_id: this.room.id,
      placement: { x, y, scale },
      quality: 'standard',
    };
    if (this.variant) body.variant_id = this.variant;
    try {
      const accepted = await this.api.request('/renders', {
        method: 'POST',
        json: body,
        headers: { 'Idempotency-Key': crypto.randomUUID ? crypto.randomUUID() : String(Date.now() + Math.random()) },
      });
      let stage = '';
      this.job = await this.api.finishedRender(accepted, (next) => {
        if (next !== stage) this.say(this.t(`stage_${(stage = next)}`) || this.t('stage_compositing'));
      });
      if (this.job.status !== 'completed') throw new SeeItError('render_failed');
      await this.loaded(this.result, this.job.image_url);
      this.report('rendered', { render_id: this.job.id });
      this.tagCart();
      this.shareLink.hidden = true;
      this.viewCart.hidden = true;
      this.cart.hidden = !this.variant;
      this.show(this.resultStep, this.variant ? this.cart : this.share);
      this.say(this.t('done'));
    } catch (error) {
      this.say('');
      this.show(this.placeStep, this.render);
      this.fail(error);
    } finally {
      this.render.disabled = false;
    }
  }

  /** Put the visitor id on the shopper's cart once, so an order of this product bought later through the
   * theme's own button can be attributed to the render. Invisible at checkout (the name starts with _). */
  tagCart() {
    if (this.cartTagged || !this.host.dataset.cartUpdate) return;
    this.cartTagged = true;
    const body = JSON.stringify({ attributes: { _see_it_visitor: visitorId() } });
    fetch(`${this.host.dataset.cartUpdate}.js`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } }).catch(() => {
      this.cartTagged = false;
    });
  }

  /** Add the variant in the picture to the theme's cart, the line carrying the render's id. */
  async addToCart() {
    this.clearError();
    this.cart.disabled = true;
    const item = { id: Number(this.variant), quantity: 1, properties: { _see_it_render: this.job.id } };
    try {
      let response;
      try {
        response = await fetch(`${this.host.dataset.cartAdd || '/cart/add'}.js`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ items: [item] }),
        });
      } catch {
        throw new SeeItError('service_unavailable');
      }
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        throw new SeeItError('cart_failed', { details: { description: answer && answer.description } });
      }
      this.report('added_to_cart', { render_id: this.job.id });
      this.viewCart.hidden = false;
      this.say(this.t('added_to_cart'));
      this.host.dispatchEvent(new CustomEvent('see-it:added-to-cart', { bubbles: true, detail: item }));
    } catch (error) {
      this.fail(error);
    } finally {
      this.cart.disabled = false;
    }
  }

  async save() {
    this.report('downloaded', { render_id: this.job.id });
    const url = this.job.image_url;
    try {
      const blob = await (await fetch(url)).blob();
      const link = element('a', { href: URL.createObjectURL(blob), download: `see-it.${blob.type.split('/')[1] || 'png'}` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  }

  async shareResult() {
    this.clearError();
    try {
      const { share_url: url } = await this.api.request(`/renders/${this.job.id}/share`, { method: 'POST' });
      this.report('shared', { render_id: this.job.id });
      this.shareLink.value = url;
      this.shareLink.hidden = false;
      if (navigator.share) {
        await navigator.share({ url, title: this.title.textContent }).catch(() => {});
      } else {
        await navigator.clipboard?.writeText(url).then(() => this.say(this.t('link_copied')), () => {});
        this.shareLink.select();
      }
    } catch (error) {
      this.fail(error);
    }
  }
}

/** Open the visualizer of `host` (a <see-it-block>), giving focus back to `opener` when it closes. */
export async function openVisualizer(host, opener) {
  await stylesheet(host.dataset.stylesheet);
  if (!opened.has(host)) opened.set(host, new Visualizer(host, opener));
  await opened.get(host).open();
}
