-- Notifications for one user (a change of their own second factors), beside those of a contract's vendor or the staff.
alter table notification alter column contract_id drop not null;
alter table notification add column username varchar(100);
alter table notification drop constraint notification_audience_check;
alter table notification add constraint notification_audience_check check (
    (audience in ('VENDOR', 'STAFF') and contract_id is not null) or (audience = 'USER' and username is not null));
create index notification_user on notification (username, created_at desc) where audience = 'USER';
