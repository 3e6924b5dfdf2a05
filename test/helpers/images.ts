/** Reading the pictures logi draws, in tests: the text an SVG shows, and how much ink a PNG has. */
import { PNG } from 'pngjs';

/** The text a reader sees in an SVG: style and title dropped, tags dropped, entities decoded, whitespace collapsed to single spaces. */
export function svgVisibleText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Share of pixels darker than near-white, and the number of distinct colours (16 levels per channel). */
export function pngInk(bytes: Uint8Array, threshold = 240): { width: number; height: number; inkShare: number; colours: number } {
  const png = PNG.sync.read(Buffer.from(bytes));
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r < threshold || g < threshold || b < threshold) ink++;
    colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
  }
  return { width: png.width, height: png.height, inkShare: ink / (png.width * png.height), colours: colours.size };
}
