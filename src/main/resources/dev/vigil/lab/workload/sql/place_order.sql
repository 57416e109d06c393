INSERT INTO shop.orders (customer_id, status, total_cents, client_ref)
VALUES (?, 'new', ?, ?)
RETURNING id
