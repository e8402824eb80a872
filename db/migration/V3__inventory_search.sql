-- The inventory's sorts (issue 5) walk these indexes in keyset order. Nullable sort columns are
-- sorted by a non-null expression so that (key, id) row comparisons never meet a null.
drop index phone_numbers_name_sort;
drop index phone_numbers_health_sort;
create index phone_numbers_name_sort on phone_numbers ((coalesce(name, '')), id);
create index phone_numbers_health_sort on phone_numbers ((coalesce(warmup_health_score, -1)), id);
