SELECT u.ref
FROM pg_catalog.unnest(?::uuid[]) AS u(ref)
WHERE NOT EXISTS (SELECT 1 FROM shop.orders o WHERE o.client_ref = u.ref)
