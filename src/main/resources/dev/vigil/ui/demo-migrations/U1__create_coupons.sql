-- Undoes demo migration 1.
DROP TABLE shop.coupons;
