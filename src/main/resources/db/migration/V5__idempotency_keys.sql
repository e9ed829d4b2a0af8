-- The answers to creating requests sent with an Idempotency-Key: a repeat of the same request (same caller, same
-- key, same method, path and body) gets the first answer again instead of creating the thing twice.
create table idempotency_key (
    actor        varchar(100) not null,
    key          varchar(200) not null,
    method       varchar(10)  not null,
    path         varchar(500) not null,
    request_hash char(64)     not null,
    status       int,                       -- null while the first request is being answered
    location     varchar(500),
    content_type varchar(200),
    body         text,
    created_at   timestamptz  not null default now(),
    primary key (actor, key)
);
create index idempotency_key_created on idempotency_key (created_at);
