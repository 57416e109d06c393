-- Undoes demo migration 2: the weights go with the column.
ALTER TABLE shop.products DROP COLUMN weight_grams;
