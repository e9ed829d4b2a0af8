-- Notifications about a user's own account (a sign-in from a new device), for that user alone: audience USER, the
-- user's name, no contract.
alter table notification alter column contract_id drop not null;
alter table notification add column username varchar(100);
alter table notification drop constraint notification_audience_check;
alter table notification add constraint notification_audience_check check (audience in ('VENDOR', 'STAFF', 'USER'));
alter table notification add constraint notification_user_or_contract check (
    (audience = 'USER' and username is not null) or (audience <> 'USER' and contract_id is not null));
create index notification_user on notification (username, created_at desc) where audience = 'USER';
