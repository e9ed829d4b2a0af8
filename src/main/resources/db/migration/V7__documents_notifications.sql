-- Documents attached to events (test reports, photos, inspection records, the buyer's deliveries): the bytes in
-- their own table, stored uncompressed out of line (EXTERNAL) so that a download reads them in slices without
-- loading the whole value; the metadata names the contract, the event, the SHA-256 computed while the bytes
-- streamed in, the sniffed content type and the cleaned file name. Both are append-only, like the event log.
create table document_content (
    id      uuid primary key,
    content bytea not null
);
alter table document_content alter column content set storage external;

create table document (
    id           uuid primary key,
    contract_id  uuid         not null references contract (id),
    event_id     uuid         not null references contract_event (id),
    position     int          not null,
    sha256       char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    name         varchar(200) not null,
    size         bigint       not null check (size >= 0),
    content_type varchar(200) not null,
    content_id   uuid         not null references document_content (id),
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null default now(),
    unique (event_id, sha256),
    unique (event_id, position)
);
create index document_by_hash on document (contract_id, sha256);

create function yanshou_document_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'documents are append-only';
end
$$;
create trigger document_append_only before update or delete on document
    for each row execute function yanshou_document_append_only();
create trigger document_content_append_only before update or delete on document_content
    for each row execute function yanshou_document_append_only();

-- In-app notifications, for the vendor of a contract or for the procurement staff, written in the transaction of
-- the change that caused them; what each user has seen (everything up to seen_until).
create table notification (
    id          uuid primary key,
    contract_id uuid         not null references contract (id),
    audience    varchar(10)  not null check (audience in ('VENDOR', 'STAFF')),
    vendor_id   varchar(100),
    kind        varchar(40)  not null,
    event_id    uuid,
    on_date     date,
    detail      jsonb        not null default '{}',
    created_at  timestamptz  not null default clock_timestamp()
);
create index notification_vendor on notification (vendor_id, created_at desc) where audience = 'VENDOR';
create index notification_staff on notification (created_at desc) where audience = 'STAFF';
create index notification_contract on notification (contract_id, kind);

create table notification_seen (
    username   varchar(100) primary key,
    seen_until timestamptz  not null
);

-- E-mails to send, written in the transaction that caused them and sent after commit by a scheduled sender, retried
-- with backoff; a failing SMTP server never fails or holds up the change.
create table mail_outbox (
    id              uuid primary key,
    notification_id uuid         references notification (id),
    recipient       varchar(320) not null,
    subject         text         not null,
    body            text         not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz  not null default now()
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;
