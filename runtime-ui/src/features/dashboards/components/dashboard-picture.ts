// The dashboard as one PNG: every card drawn onto one canvas at the desk grid's places — charts as
// ECharts' own pictures, numbers and tables as text — under the dashboard's title and period.
import { pictureLayout, type GridItem } from '../utils/grid-layout.util.js';

export type PicturePanel = GridItem & {
  title: string;
  /** An ECharts picture (data URL) … */
  image?: string;
  /** … or a big number with lines under it … */
  big?: string;
  /** … or lines of text (table rows, a message). */
  lines?: string[];
};

const WIDTH = 1600;
const ROW_HEIGHT = 90;
const GAP = 16;
const HEADER = 96;
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart picture could not be read'));
    image.src = src;
  });
}

function fitText(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) {
    return text;
  }
  let cut = text;
  while (cut.length > 1 && context.measureText(`${cut}…`).width > width) {
    cut = cut.slice(0, -1);
  }
  return `${cut}…`;
}

/** Draws the panels and answers the PNG. */
export async function composeDashboardPicture(
  heading: { title: string; subtitle: string },
  panels: readonly PicturePanel[],
): Promise<Blob> {
  const { rects, height } = pictureLayout(panels, {
    width: WIDTH,
    rowHeight: ROW_HEIGHT,
    gap: GAP,
    top: HEADER,
  });
  const images = await Promise.all(panels.map((p) => (p.image ? loadImage(p.image) : Promise.resolve(null))));
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) {
    throw new Error('canvas is not available');
  }
  context.scale(scale, scale);
  context.fillStyle = '#f5f5f5';
  context.fillRect(0, 0, WIDTH, height);
  context.textBaseline = 'top';
  context.fillStyle = '#1f1f1f';
  context.font = `600 30px ${FONT}`;
  context.fillText(fitText(context, heading.title, WIDTH - 2 * GAP), GAP, 24);
  context.fillStyle = '#595959';
  context.font = `18px ${FONT}`;
  context.fillText(heading.subtitle, GAP, 64);

  panels.forEach((panel, index) => {
    const rect = rects[index]!;
    const padding = 14;
    const inner = rect.width - 2 * padding;
    context.fillStyle = '#ffffff';
    context.strokeStyle = '#e8e8e8';
    context.beginPath();
    context.roundRect(rect.left, rect.top, rect.width, rect.height, 8);
    context.fill();
    context.stroke();
    context.fillStyle = '#1f1f1f';
    context.font = `600 18px ${FONT}`;
    context.fillText(fitText(context, panel.title, inner), rect.left + padding, rect.top + padding);
    const top = rect.top + padding + 32;
    const room = rect.top + rect.height - padding - top;

    const image = images[index];
    if (image) {
      const ratio = Math.min(inner / image.width, room / image.height);
      const w = image.width * ratio;
      const h = image.height * ratio;
      context.drawImage(image, rect.left + padding + (inner - w) / 2, top + (room - h) / 2, w, h);
      return;
    }
    let y = top;
    if (panel.big) {
      context.font = `700 44px ${FONT}`;
      context.fillText(fitText(context, panel.big, inner), rect.left + padding, y);
      y += 58;
    }
    context.font = `16px ${FONT}`;
    context.fillStyle = '#434343';
    for (const line of panel.lines ?? []) {
      if (y + 20 > top + room) {
        break;
      }
      context.fillText(fitText(context, line, inner), rect.left + padding, y);
      y += 24;
    }
  });

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}
