-- Demo migration 2: a nullable column (no table
-- rewrite, a brief lock), and a weight for each product.
ALTER TABLE shop.products ADD COLUMN weight_grams integer;
UPDATE shop.products SET weight_grams = 100 + (id * 37) % 1900;
