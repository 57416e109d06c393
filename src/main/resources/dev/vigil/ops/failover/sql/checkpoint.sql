-- Flushes dirty buffers now, so the shutdown checkpoint that follows has little to do.
CHECKPOINT
