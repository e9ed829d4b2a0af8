-- The event publication registry of Spring Modulith (the table its JDBC registry reads and writes, as its
-- PostgreSQL schema defines it): an after-commit listener's event is kept here until the listener has finished,
-- and published again after a crash.
create table if not exists event_publication (
    id               uuid                     not null primary key,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- A termination that followed a linked contract's termination names that contract: a fact, not words in a note.
alter table contract_event add column cascaded_from uuid references contract (id);
