-- Demo migration 1: discount codes, in a table
-- of their own (the workload never touches it).
CREATE TABLE shop.coupons (
    code         text PRIMARY KEY,
    percent_off  integer NOT NULL
                 CHECK (percent_off BETWEEN 1 AND 90),
    valid_until  date
);
INSERT INTO shop.coupons (code, percent_off, valid_until)
VALUES ('WELCOME10', 10, NULL),
       ('SPRING25', 25, DATE '2031-05-31');
