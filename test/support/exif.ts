// Reads the GPS tags of a photo's raw EXIF block (sharp's metadata().exif): enough of TIFF to
// prove that a fixture carries a location and that a stored copy carries none.

const GPS_IFD_POINTER = 0x8825;

/** The tag ids in the EXIF GPS directory; [] when there is no EXIF or no GPS directory. */
export function exifGpsTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => ({ tag: u16(ifd + 2 + i * 12), value: u32(ifd + 2 + i * 12 + 8) }));
  const pointer = entries(u32(4)).find((entry) => entry.tag === GPS_IFD_POINTER);
  return pointer ? entries(pointer.value).map((entry) => entry.tag) : [];
}
