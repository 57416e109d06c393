-- SET LOCAL for this transaction only. standard_conforming_strings on makes the server read string literals as
-- Vigil's statement classifier did when it looked for a second statement.
SELECT pg_catalog.set_config('statement_timeout', ?, true),
       pg_catalog.set_config('lock_timeout', ?, true),
       pg_catalog.set_config('standard_conforming_strings', 'on', true)
