/** Drag payload types of the mapping page: a queue from the palette, or an entry being reordered. */
export const QUEUE_MIME = 'application/x-hall-queue';
export const ENTRY_MIME = 'application/x-hall-entry';
