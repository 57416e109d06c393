-- A small shop: enough rows for real plans, joins, locks and replication traffic.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE SCHEMA shop;

CREATE TABLE shop.customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL UNIQUE,
    country     text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shop.products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku          text NOT NULL UNIQUE,
    name         text NOT NULL,
    price_cents  integer NOT NULL CHECK (price_cents > 0),
    stock        integer NOT NULL DEFAULT 0
);

CREATE TABLE shop.orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL,
    status       text NOT NULL DEFAULT 'new',
    total_cents  integer NOT NULL,
    client_ref   uuid UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
CREATE INDEX orders_created_idx ON shop.orders (created_at);

CREATE TABLE shop.order_items (
    order_id     bigint NOT NULL,
    product_id   bigint NOT NULL,
    quantity     integer NOT NULL CHECK (quantity > 0),
    price_cents  integer NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

INSERT INTO shop.customers (name, email, country)
SELECT 'Customer ' || g, 'customer' || g || '@example.com',
       (ARRAY['DE', 'FR', 'GB', 'US', 'JP', 'BR', 'IN', 'NL'])[1 + g % 8]
FROM generate_series(1, 2000) g;

INSERT INTO shop.products (sku, name, price_cents, stock)
SELECT 'SKU-' || lpad(g::text, 5, '0'), 'Product ' || g, 199 + (g * 37) % 9800, 50 + g % 500
FROM generate_series(1, 200) g;

INSERT INTO shop.orders (customer_id, status, total_cents, created_at)
SELECT 1 + (g * 7919) % 2000, (ARRAY['new', 'paid', 'shipped', 'delivered'])[1 + g % 4], 0,
       now() - (g % 720) * interval '1 hour'
FROM generate_series(1, 10000) g;

INSERT INTO shop.order_items (order_id, product_id, quantity, price_cents)
SELECT o.id, 1 + (o.id * k * 31) % 200, 1 + (o.id + k) % 3, p.price_cents
FROM shop.orders o
CROSS JOIN generate_series(1, 3) k
JOIN shop.products p ON p.id = 1 + (o.id * k * 31) % 200
ON CONFLICT DO NOTHING;

UPDATE shop.orders o SET total_cents = s.total
FROM (SELECT order_id, sum(quantity * price_cents) AS total FROM shop.order_items GROUP BY order_id) s
WHERE s.order_id = o.id;

-- Foreign keys after the load: one validating scan each, instead of a trigger call per row.
ALTER TABLE shop.orders ADD FOREIGN KEY (customer_id) REFERENCES shop.customers;
ALTER TABLE shop.order_items ADD FOREIGN KEY (order_id) REFERENCES shop.orders ON DELETE CASCADE;
ALTER TABLE shop.order_items ADD FOREIGN KEY (product_id) REFERENCES shop.products;

ANALYZE shop.customers, shop.products, shop.orders, shop.order_items;
