UPDATE shop.orders SET status = 'shipped' WHERE id = ? AND status IN ('new', 'paid')
