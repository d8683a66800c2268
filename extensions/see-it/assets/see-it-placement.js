// The product over the room photo, moved and scaled with a mouse, fingers (Pointer Events; two fingers pinch)
// or the keyboard (arrows move, + and - scale). The placement is kept in the API's terms: x and y of the
// product's bottom-centre and its width, all as fractions of the room photo.

const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
const MIN_SCALE = 0.03;

export class Placement {
  constructor(stage, room, product, onChange) {
    this.stage = stage;
    this.room = room;
    this.product = product;
    this.onChange = onChange;
    this.value = { x: 0.5, y: 0.85, scale: 0.3 };
    this.pointers = new Map();
    stage.addEventListener('pointerdown', (event) => this.down(event));
    stage.addEventListener('pointermove', (event) => this.move(event));
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) {
      stage.addEventListener(type, (event) => this.up(event));
    }
    stage.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    product.addEventListener('keydown', (event) => this.key(event));
    product.addEventListener('dragstart', (event) => event.preventDefault());
    new ResizeObserver(() => this.draw()).observe(room);
  }

  /** The product's aspect (height over width), from its picture. */
  aspect() {
    const { naturalWidth: w, naturalHeight: h } = this.product;
    return w && h ? h / w : 1;
  }

  /** A sensible start: standing on the lower third, no taller than about half the room photo. */
  reset() {
    const { naturalWidth: w, naturalHeight: h } = this.room;
    const roomAspect = w && h ? h / w : 0.75;
    const scale = clamp(Math.min(0.32, (0.5 * roomAspect) / this.aspect()), MIN_SCALE, 1);
    this.set({ x: 0.5, y: 0.86, scale });
  }

  set(next) {
    // The whole product stays within the photo's width; its foot anywhere from near the top to the bottom.
    const scale = clamp(next.scale, MIN_SCALE, 1);
    this.value = { x: clamp(next.x, scale / 2, 1 - scale / 2), y: clamp(next.y, 0.02, 1), scale };
    this.draw();
    this.onChange(this.value);
  }

  draw() {
    const width = this.room.clientWidth;
    const height = this.room.clientHeight;
    if (!width || !height) return;
    const { x, y, scale } = this.value;
    const productWidth = scale * width;
    const style = this.product.style;
    style.width = `${productWidth}px`;
    style.left = `${x * width - productWidth / 2}px`;
    style.top = `${y * height - productWidth * this.aspect()}px`;
  }

  /** Where the gesture started: the placement and the pointers at that moment. */
  snapshot() {
    const points = [...this.pointers.values()];
    this.start = { value: { ...this.value }, points: points.map((p) => ({ ...p })) };
  }

  down(event) {
    // One finger or the mouse must take hold of the product; a second finger anywhere on the photo pinches.
    if (this.pointers.size === 0 && event.target !== this.product) return;
    event.preventDefault();
    this.stage.setPointerCapture(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.product.classList.add('is-dragging');
    this.snapshot();
  }

  move(event) {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const points = [...this.pointers.values()];
    const { value, points: from } = this.start;
    const width = this.room.clientWidth;
    const height = this.room.clientHeight;
    const centre = (list) => ({
      x: list.reduce((sum, p) => sum + p.x, 0) / list.length,
      y: list.reduce((sum, p) => sum + p.y, 0) / list.length,
    });
    const now = centre(points);
    const then = centre(from);
    let scale = value.scale;
    if (points.length >= 2 && from.length >= 2) {
      const spread = (a, b) => Math.hypot(a.x - b.x, a.y - b.y) || 1;
      scale = value.scale * (spread(points[0], points[1]) / spread(from[0], from[1]));
    }
    this.set({ x: value.x + (now.x - then.x) / width, y: value.y + (now.y - then.y) / height, scale });
  }

  up(event) {
    if (!this.pointers.delete(event.pointerId)) return;
    if (this.pointers.size === 0) this.product.classList.remove('is-dragging');
    this.snapshot();
  }

  wheel(event) {
    event.preventDefault();
    this.set({ ...this.value, scale: this.value.scale * Math.exp(-event.deltaY / 500) });
  }

  grow(factor) {
    this.set({ ...this.value, scale: this.value.scale * factor });
  }

  key(event) {
    const step = event.shiftKey ? 0.05 : 0.01;
    const { x, y } = this.value;
    const moves = {
      ArrowLeft: { x: x - step },
      ArrowRight: { x: x + step },
      ArrowUp: { y: y - step },
      ArrowDown: { y: y + step },
    };
    if (moves[event.key]) {
      this.set({ ...this.value, ...moves[event.key] });
    } else if (event.key === '+' || event.key === '=') {
      this.grow(1.05);
    } else if (event.key === '-' || event.key === '_') {
      this.grow(1 / 1.05);
    } else {
      return;
    }
    event.preventDefault();
  }
}

/**
 * The cut-out cropped to its visible pixels, as an object URL: the service places the visible product (not
 * the transparent margin around it) at the placement, so the preview must too. Falls back to `url` as it is
 * when the picture cannot be read (storage without CORS).
 */
export async function visibleCutout(url) {
  const image = new Image();
  image.crossOrigin = 'anonymous';
  image.src = url;
  try {
    await image.decode();
    const { naturalWidth: width, naturalHeight: height } = image;
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(image, 0, 0);
    const alpha = context.getImageData(0, 0, width, height).data;
    let [left, top, right, bottom] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (alpha[(y * width + x) * 4 + 3] > 8) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0) return url;
    const crop = document.createElement('canvas');
    Object.assign(crop, { width: right - left + 1, height: bottom - top + 1 });
    crop.getContext('2d').drawImage(canvas, -left, -top);
    const blob = await new Promise((resolve) => crop.toBlob(resolve, 'image/png'));
    return blob ? URL.createObjectURL(blob) : url;
  } catch {
    return url;
  }
}
