-- Contracts as imported (the definition is the contract file without its events; the item and milestone
-- tables are a projection of it for reporting), the append-only event log, stored statements,
-- API tokens, users and the audit log. The process engine keeps its own ACT_* tables in the same database.

create table contract (
    id                  uuid primary key,
    number              varchar(100) not null unique,
    title               text         not null default '',
    buyer               text,
    vendor_id           varchar(100),
    vendor_name         text,
    currency            varchar(3)   not null,
    signed_on           date         not null,
    definition          jsonb        not null,
    process_instance_id varchar(64),
    status              varchar(20)  not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'TERMINATED')),
    terminated_on       date,
    created_at          timestamptz  not null default now(),
    created_by          varchar(100) not null
);
create index contract_vendor on contract (vendor_id);

create table contract_item (
    contract_id uuid          not null references contract (id),
    position    int           not null,
    code        varchar(50)   not null,
    name        text,
    amount      numeric(15, 0) not null check (amount >= 0),
    primary key (contract_id, position),
    unique (contract_id, code)
);

create table milestone (
    contract_id  uuid         not null references contract (id),
    position     int          not null,
    milestone_id varchar(100) not null,
    name         text,
    items        varchar(50)[] not null,
    due_days     int check (due_days >= 0),
    due_from     varchar(160),
    due_date     date,
    primary key (contract_id, position),
    unique (contract_id, milestone_id),
    check ((due_days is null) <> (due_date is null))
);

create table linked_contract (
    contract_id         uuid           not null references contract (id),
    position            int            not null,
    number              varchar(100)   not null,
    kind                varchar(50),
    amount              numeric(15, 0) check (amount >= 0),
    performance_bond    numeric(15, 0) check (performance_bond >= 0),
    terminates_with_this boolean       not null,
    terminated_on       date,
    primary key (contract_id, position)
);

create table contract_event (
    id             uuid primary key,
    contract_id    uuid         not null references contract (id),
    seq            int          not null,
    effective_date date         not null,
    type           varchar(30)  not null,
    body           jsonb        not null,
    voids          uuid references contract_event (id),
    reason         text,
    recorded_at    timestamptz  not null default now(),
    recorded_by    varchar(100) not null,
    unique (contract_id, seq)
);
create index contract_event_contract on contract_event (contract_id, seq);

create function yanshou_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the event log is append-only: record a correction that voids the event instead';
end
$$;
create trigger contract_event_append_only before update or delete on contract_event
    for each row execute function yanshou_append_only();

create table statement (
    contract_id uuid           not null references contract (id),
    as_of       date           not null,
    computed_at timestamptz    not null default now(),
    cause       varchar(60)    not null,
    penalty     numeric(20, 0) not null,
    body        jsonb          not null,
    primary key (contract_id, as_of)
);

create table app_user (
    username      varchar(100) primary key,
    password_hash varchar(100) not null,
    roles         varchar(200) not null,
    vendor_id     varchar(100),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

create table api_token (
    id         uuid primary key,
    name       varchar(100) not null,
    token_hash char(64)     not null unique,
    username   varchar(100) not null,
    roles      varchar(200) not null,
    vendor_id  varchar(100),
    created_at timestamptz  not null default now(),
    created_by varchar(100) not null,
    expires_at timestamptz,
    revoked_at timestamptz
);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    actor       varchar(100) not null,
    action      varchar(60)  not null,
    contract_id uuid,
    detail      jsonb
);
create index audit_log_contract on audit_log (contract_id, at);
