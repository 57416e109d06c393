-- Rows a DROP TABLE or TRUNCATE would destroy, counted no further than $1. {relation} is quoted.
SELECT count(*) AS n FROM (SELECT 1 FROM {relation} LIMIT ?) bounded
