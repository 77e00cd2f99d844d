// Porting: a result crosses back as arguments cross out. An instance of an exported class comes
// back as an instance of that class, even when the class lives in the module that awaits the join.
import { Process } from '@proclife/child-process';

export class Reading {
  sensor: string;
  values: number[];
  constructor(sensor: string, values: number[]) {
    this.sensor = sensor;
    this.values = values;
  }
  mean(): number {
    return this.values.reduce((a, b) => a + b, 0) / this.values.length;
  }
}

export function measure(sensor: string): Reading {
  return new Reading(sensor, [3, 4, 8]);
}

if (import.meta.main) {
  const p = new Process({ target: measure, args: ['north'] });
  p.start();
  await p.join();
  const reading = p.result as Reading;
  console.log(reading instanceof Reading, reading.sensor, reading.mean());
}
