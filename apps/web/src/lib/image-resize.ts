/** Longest side, in pixels, of a photo prepared on the device before upload. */
export const UPLOAD_LONGEST_SIDE = 2048;

/**
 * Shrinks a photo on the device before it is sent (cheap phones, slow networks): decoded by the
 * browser, drawn at most {@link UPLOAD_LONGEST_SIDE} px on its longest side, encoded as JPEG.
 * When the browser cannot decode it (HEIC on most browsers), the original goes as it is and the
 * server decides.
 */
export async function resizeForUpload(file: Blob, longest = UPLOAD_LONGEST_SIDE): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.type === 'image/jpeg') {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    bitmap.close();
    return file;
  }
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', 0.85),
  );
  return blob ?? file;
}
