-- A notification for one staff user (audience USER, username): the proposer hears that a supervisor approved or
-- rejected their decision (four eyes). The check of V7 named by PostgreSQL's default (table_column_check).
alter table notification add column username varchar(100);
alter table notification drop constraint notification_audience_check;
alter table notification add constraint notification_audience_check
    check (audience in ('VENDOR', 'STAFF', 'USER') and (audience <> 'USER' or username is not null));
create index notification_user on notification (username, created_at desc) where audience = 'USER';
