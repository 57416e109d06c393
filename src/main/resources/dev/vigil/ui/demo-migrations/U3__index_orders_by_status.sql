-- Undoes demo migration 3.
DROP INDEX CONCURRENTLY shop.orders_status_idx;
