-- Most observations carry no drop reason: adding an empty set of reasons returns the other side
-- without taking either apart. The merge runs this once per staged row, so it was most of its time.
-- (One SQL statement, no semicolon inside: the migration runner splits on them.)
CREATE OR REPLACE FUNCTION discovery_add_reasons(total jsonb, more jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN more IS NULL OR more = '{}'::jsonb THEN COALESCE(total, '{}'::jsonb)
    WHEN total IS NULL OR total = '{}'::jsonb THEN more
    ELSE (
      SELECT COALESCE(jsonb_object_agg(reason, amount), '{}'::jsonb)
      FROM (
        SELECT reason, sum(amount::numeric) AS amount
        FROM (
          SELECT key AS reason, value AS amount FROM jsonb_each_text(total)
          UNION ALL
          SELECT key, value FROM jsonb_each_text(more)
        ) AS parts
        GROUP BY reason
      ) AS sums
    )
  END
$$;
