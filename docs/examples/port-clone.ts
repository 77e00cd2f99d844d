// Porting: arguments cross by structured clone, and an exported class's instances stay instances,
// as pickle sends them.
import { Process } from '@proclife/child-process';

export class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  length(): number {
    return Math.hypot(this.x, this.y);
  }
}

export function measure(points: Point[], tags: Set<string>): string {
  const kinds = points.map((p) => (p instanceof Point ? 'Point' : typeof p));
  return `${kinds.join(', ')}; lengths ${points.map((p) => p.length()).join(', ')}; tags ${[...tags]}`;
}

if (import.meta.main) {
  const p = new Process({ target: measure, args: [[new Point(3, 4), new Point(6, 8)], new Set(['a', 'b'])] });
  p.start();
  await p.join();
  console.log(p.result);
}
