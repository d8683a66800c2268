"""The three operations from bytes to bytes: what the process pool runs (module-level, so they pickle)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from seeit.imaging.codec import encode_jpeg, encode_png, encode_webp, open_image, resized, to_rgb_array
from seeit.imaging.compositing import add_watermark, output_long_side, place_product
from seeit.imaging.cutout import CONFIDENCE_FLOOR, Cutout, cut_out
from seeit.imaging.errors import CutoutUnreliable, UnreadableImage
from seeit.imaging.interface import MAX_OUTPUT_SIDE, CompositeResult, Placement, PreparedProduct, Quality
from seeit.imaging.room import clean_room

CUTOUT_FAILED_CHECK = (
    "The cut-out of this product photo did not pass its quality check, so it is not shown to shoppers. "
    "Please upload a transparent PNG of the product manually."
)
# A display WebP is worth serving only when it is clearly lighter than the PNG.
WEBP_WORTH_IT = 0.6


@dataclass(frozen=True)
class LocalComposite:
    """A composite as pixels, before the watermark and encoding: what a model is asked to harmonise."""

    rgb: NDArray[np.uint8]
    product_box: tuple[int, int, int, int]
    product_alpha: NDArray[np.float32]


def refusal(cutout: Cutout) -> CutoutUnreliable | None:
    """Why this cut-out must not be served (the merchant is asked for a manual one), or None."""
    if cutout.confidence < CONFIDENCE_FLOOR:
        return CutoutUnreliable()
    if cutout.check is not None and not cutout.check.passed:
        return CutoutUnreliable(CUTOUT_FAILED_CHECK + " (" + "; ".join(cutout.check.reasons) + ")")
    return None


def prepare_product_bytes(image: bytes, model_dir: str | None) -> PreparedProduct:
    """Cut the product out of a photo; refuse (``CutoutUnreliable``) rather than return a bad cut-out."""
    img = open_image(image, max_side=2048)
    cutout = cut_out(img, model_dir=model_dir)
    refused = refusal(cutout)
    if refused is not None:
        raise refused
    h, w = cutout.rgba.shape[:2]
    return PreparedProduct(encode_png(cutout.rgba), cutout.confidence, w, h, cutout.box)


def cleanup_room_bytes(image: bytes) -> bytes:
    img = open_image(image, code="room_unavailable")
    return encode_png(clean_room(to_rgb_array(img)))


def _open_product(product_png: bytes) -> Image.Image:
    product = open_image(product_png, code="asset_unavailable")
    if product.mode != "RGBA":
        product = product.convert("RGBA")
    if product.getchannel("A").getbbox() is None:
        raise UnreadableImage("The prepared product image is fully transparent.", code="asset_unavailable")
    return product


def local_composite(room: bytes, product_png: bytes, placement: Placement, quality: Quality) -> LocalComposite:
    room_img = open_image(room, max_side=MAX_OUTPUT_SIDE, code="room_unavailable")
    long_side = output_long_side(max(room_img.size), quality)
    room_rgb = to_rgb_array(resized(room_img.convert("RGB"), long_side))
    done = place_product(room_rgb, _open_product(product_png), placement)
    return LocalComposite(done.rgb, done.product_box, done.product_alpha)


def finish_composite(
    rgb: NDArray[np.uint8], box: tuple[int, int, int, int], *, watermark: bool, harmonized: bool, rejected: str | None
) -> CompositeResult:
    """Watermark (last, so no model can paint it out) and encode: the PNG to keep, a WebP to show."""
    if watermark:
        rgb = add_watermark(rgb)
    png = encode_png(rgb)
    webp = encode_webp(rgb)
    h, w = rgb.shape[:2]
    display = webp if len(webp) < WEBP_WORTH_IT * len(png) else None
    return CompositeResult(png, display, w, h, harmonized, box, rejected)


def composite_bytes(
    room: bytes, product_png: bytes, placement: Placement, quality: Quality, watermark: bool
) -> CompositeResult:
    done = local_composite(room, product_png, placement, quality)
    return finish_composite(done.rgb, done.product_box, watermark=watermark, harmonized=False, rejected=None)


def model_input(image: bytes, max_side: int = 2048) -> tuple[bytes, int, int]:
    """An image as a model should receive it: upright, at most ``max_side``, as JPEG; and its full size."""
    img = open_image(image, max_side=max_side, code="room_unavailable")
    small = resized(img.convert("RGB"), max_side)
    return encode_jpeg(np.asarray(small), quality=92), img.width, img.height


def pixels_png(rgb: NDArray[np.uint8]) -> bytes:
    return encode_png(rgb)


def model_output_at_size(image: bytes, width: int, height: int) -> bytes:
    """A model's picture resized to the size we asked about, as PNG (models choose their own output size)."""
    img = open_image(image, code="internal_error").convert("RGB")
    if img.size != (width, height):
        img = img.resize((width, height), Image.Resampling.LANCZOS)
    return encode_png(np.asarray(img))
