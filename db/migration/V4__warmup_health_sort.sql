-- "Warming, by warmup health" (the inventory benchmark): with only the health index the planner
-- walked every number without warmup (health -1, most of the fleet) before the first warming one.
create index phone_numbers_warmup_health_sort
    on phone_numbers (warmup_state, (coalesce(warmup_health_score, -1)), id) where warmup_state is not null;
