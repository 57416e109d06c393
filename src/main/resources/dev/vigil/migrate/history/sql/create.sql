-- The history table as Flyway creates it on PostgreSQL, so that Flyway reads what Vigil writes.
CREATE TABLE {history} (
    installed_rank integer NOT NULL,
    version varchar(50),
    description varchar(200) NOT NULL,
    type varchar(20) NOT NULL,
    script varchar(1000) NOT NULL,
    checksum integer,
    installed_by varchar(100) NOT NULL,
    installed_on timestamp NOT NULL DEFAULT now(),
    execution_time integer NOT NULL,
    success boolean NOT NULL
);
ALTER TABLE {history} ADD CONSTRAINT {pk} PRIMARY KEY (installed_rank);
CREATE INDEX {index} ON {history} (success)
