-- Failed sign-ins per account and per client address, shared by every node: growing delays, then a temporary lock.
create table sign_in_throttle (
    key           varchar(300) primary key,        -- 'account:<user name, lower case>' or 'address:<client address>'
    failures      integer      not null,
    last_failure  timestamptz  not null,
    locked_until  timestamptz
);

-- Every sign-in attempt (password, second factor, engine-rest Basic), kept for the user's history and the
-- administrators' view of bursts.
create table sign_in_attempt (
    id          bigserial    primary key,
    at          timestamptz  not null,
    username    varchar(100) not null,   -- as typed (cut at 100), known or not
    address     varchar(64)  not null,
    user_agent  varchar(300),
    step        varchar(20)  not null,   -- PASSWORD, MFA, BASIC
    result      varchar(20)  not null    -- SUCCESS, FAILED, THROTTLED
);
create index sign_in_attempt_user on sign_in_attempt (username, at desc);
create index sign_in_attempt_failed on sign_in_attempt (at desc) where result <> 'SUCCESS';
