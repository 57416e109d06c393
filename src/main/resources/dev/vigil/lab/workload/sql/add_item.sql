INSERT INTO shop.order_items (order_id, product_id, quantity, price_cents)
SELECT ?, p.id, ?, p.price_cents FROM shop.products p WHERE p.id = ?
