-- The changes module's open changes, published for set-wise reads by other modules (the
-- inventory's "pending" column and filter, the number page, the sync keeping the fields an open
-- change holds): the one SQL statement of which states are open. ChangeState.open() is the same
-- rule in Java; OpenChangesViewTests holds the two equal. The predicate is the partial index's
-- (V2), so reads through the view use it.
create view open_changes as
select * from pending_changes
where state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER', 'PARTIAL');
