-- Values a DROP COLUMN would destroy (rows where it is not null), counted no further than $1.
SELECT count(*) AS n FROM (SELECT 1 FROM {relation} WHERE {column} IS NOT NULL LIMIT ?) bounded
