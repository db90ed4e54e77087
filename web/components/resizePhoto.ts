/** A phone photo is 3–12 MB; the server takes at most 5 MB, and 1600 px is plenty to see a bag at a door. */
const MAX_SIDE = 1600;
const QUALITY = 0.85;

/**
 * Shrinks a photo to at most 1600 px on its longer side as JPEG, in the browser, before upload.
 * A picture already small enough, or one the browser cannot draw, goes as it is (the server
 * checks it is an image either way).
 */
export async function resizePhoto(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= 1024 * 1024) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  return blob ?? file;
}
