-- "Region US + type MOBILE" (the inventory benchmark): no index served the two filters in number
-- order, so the planner walked the number index and filtered: where a fleet's mobile numbers sit
-- in other area codes than its first ones, 21,000 rows before the first page's 50 (40 ms at a
-- million numbers). Region alone or type alone match often enough to stay on the number index.
create index phone_numbers_region_type_idx on phone_numbers (country_code, number_type, number, id);
