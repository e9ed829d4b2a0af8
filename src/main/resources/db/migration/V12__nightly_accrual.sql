-- The nightly accrual run (tw.yanshou.workflow.NightlyAccrual) replaces the daily timer every contract's process
-- used to wait on: it marks each open contract once a day (accrued_on, the office day of its last run), and the
-- nodes share the work by claiming chunks of the open contracts not yet marked (SELECT … FOR UPDATE SKIP LOCKED).
alter table contract add column accrued_on date;
create index contract_accrual_due on contract (accrued_on) where status = 'OPEN';
