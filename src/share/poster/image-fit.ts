export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

export type FitMode = 'cover' | 'contain';

/** What `drawImage(img, sx, sy, sw, sh, dx, dy, dw, dh)` needs: the part of the image and where it goes. */
export interface ImagePlacement {
  source: Rect;
  dest: Rect;
}

/**
 * Fits an image of `image` size into `box`, keeping its aspect ratio and centring it.
 * - cover: fills the box, cropping the image's overflow (source is a centred crop, dest is the box);
 * - contain: shows the whole image, leaving bands inside the box (source is the image, dest is centred).
 * A degenerate image or box yields an empty destination, so nothing is drawn.
 */
export const fitImage = (image: Size, box: Rect, mode: FitMode): ImagePlacement => {
  const full: Rect = { x: 0, y: 0, width: image.width, height: image.height };
  if (!(image.width > 0 && image.height > 0 && box.width > 0 && box.height > 0)) {
    return { source: full, dest: { x: box.x, y: box.y, width: 0, height: 0 } };
  }
  const imageRatio = image.width / image.height;
  const boxRatio = box.width / box.height;
  if (mode === 'cover') {
    if (imageRatio > boxRatio) {
      const width = image.height * boxRatio;
      return { source: { x: (image.width - width) / 2, y: 0, width, height: image.height }, dest: { ...box } };
    }
    const height = image.width / boxRatio;
    return { source: { x: 0, y: (image.height - height) / 2, width: image.width, height }, dest: { ...box } };
  }
  if (imageRatio > boxRatio) {
    const height = box.width / imageRatio;
    return { source: full, dest: { x: box.x, y: box.y + (box.height - height) / 2, width: box.width, height } };
  }
  const width = box.height * imageRatio;
  return { source: full, dest: { x: box.x + (box.width - width) / 2, y: box.y, width, height: box.height } };
};

/** True when `inner` lies within `outer` (edges may touch); a tolerance absorbs floating-point noise. */
export const rectInside = (inner: Rect, outer: Rect, epsilon = 1e-6): boolean =>
  inner.x >= outer.x - epsilon &&
  inner.y >= outer.y - epsilon &&
  inner.x + inner.width <= outer.x + outer.width + epsilon &&
  inner.y + inner.height <= outer.y + outer.height + epsilon;

/** True when two rectangles share some area (touching edges do not count). */
export const rectsOverlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
