-- Demo migration 3: an index on the busy orders table,
-- built without blocking its writers.
CREATE INDEX CONCURRENTLY orders_status_idx
    ON shop.orders (status);
