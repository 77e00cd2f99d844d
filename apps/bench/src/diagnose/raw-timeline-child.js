// The raw fork's side of the spawn diagnosis.
import { timeline } from './timeline-target.js';

process.send?.(timeline(), () => process.channel?.unref());
