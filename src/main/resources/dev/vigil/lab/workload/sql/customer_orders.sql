SELECT o.id, o.status, o.total_cents, o.created_at, count(i.product_id) AS items
FROM shop.orders o
LEFT JOIN shop.order_items i ON i.order_id = o.id
WHERE o.customer_id = ?
GROUP BY o.id
ORDER BY o.created_at DESC
LIMIT 20
