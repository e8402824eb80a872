-- A run whose portal died under it (kill -9, crash) did not fail: it was interrupted, and the Sync
-- page says so. The scheduler's instance that executes a run is recorded, so that the next
-- execution of the account's sync (db-scheduler runs one at a time, and revives one whose
-- instance stopped heartbeating) knows any run still RUNNING from an execution is an orphan.
alter table sync_runs drop constraint sync_runs_status_check;
alter table sync_runs add constraint sync_runs_status_check
    check (status in ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED'));
-- db-scheduler's picked_by of the execution running it; null for a run started outside the scheduler
alter table sync_runs add column executed_by text;
