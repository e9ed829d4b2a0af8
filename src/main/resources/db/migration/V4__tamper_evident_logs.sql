-- Tamper-evident logs: each contract's event log, and the audit log (one chain per contract, one for what concerns
-- no contract), are hash chains. A row carries the SHA-256 of the previous row's hash and its own canonical content
-- (a JSON array of its columns: unambiguous, and the same text whoever computes it), so an edit or deletion behind
-- the server's back breaks the chain from that row on; GET /api/contracts/{id}/integrity finds it, and a statement
-- printed with the chain's head can later be proven to match the log.

alter table contract_event add column prev_hash char(64), add column hash char(64);

create function yanshou_event_canonical(e contract_event) returns text language sql stable as $$
    select jsonb_build_array(e.id, e.contract_id, e.seq, e.effective_date, e.type, e.body, e.voids, e.reason,
                             to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                             e.recorded_by, e.cascaded_from)::text
$$;

create function yanshou_chain_hash(previous char(64), canonical text) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(coalesce(previous, '') || canonical, 'UTF8')), 'hex')
$$;

create function yanshou_event_chain() returns trigger language plpgsql as $$
declare previous char(64);
begin
    -- events of one contract are written one at a time (the contract's row is locked), so the previous is final
    select hash into previous from contract_event where contract_id = new.contract_id order by seq desc limit 1;
    new.prev_hash := previous;
    new.hash := yanshou_chain_hash(previous, yanshou_event_canonical(new));
    return new;
end
$$;

-- the rows already there, in their order
alter table contract_event disable trigger contract_event_append_only;
do $$
declare r record; previous char(64); current_contract uuid;
begin
    for r in select * from contract_event order by contract_id, seq loop
        if current_contract is distinct from r.contract_id then previous := null; current_contract := r.contract_id; end if;
        r.prev_hash := previous;
        previous := yanshou_chain_hash(previous, yanshou_event_canonical(r::contract_event));
        update contract_event set prev_hash = r.prev_hash, hash = previous where id = r.id;
    end loop;
end
$$;
alter table contract_event enable trigger contract_event_append_only;
alter table contract_event alter column hash set not null;

create trigger contract_event_chain before insert on contract_event
    for each row execute function yanshou_event_chain();

alter table audit_log add column chain_seq bigint, add column prev_hash char(64), add column hash char(64);

create function yanshou_audit_canonical(a audit_log) returns text language sql stable as $$
    select jsonb_build_array(a.chain_seq, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.actor,
                             a.action, a.contract_id, a.detail)::text
$$;

create function yanshou_audit_chain() returns trigger language plpgsql as $$
declare previous record;
begin
    -- one writer at a time per chain, until the transaction ends (different contracts never wait for each other)
    perform pg_advisory_xact_lock(739451, hashtext(coalesce(new.contract_id::text, 'no contract')));
    if new.contract_id is null then
        select hash, chain_seq into previous from audit_log where contract_id is null order by chain_seq desc limit 1;
    else
        select hash, chain_seq into previous from audit_log where contract_id = new.contract_id order by chain_seq desc limit 1;
    end if;
    new.chain_seq := coalesce(previous.chain_seq, 0) + 1;
    new.prev_hash := previous.hash;
    new.hash := yanshou_chain_hash(previous.hash, yanshou_audit_canonical(new));
    return new;
end
$$;

do $$
declare r record; previous char(64); n bigint; current_contract uuid; first boolean := true;
begin
    for r in select * from audit_log order by contract_id nulls first, id loop
        if first or current_contract is distinct from r.contract_id then
            previous := null; n := 0; current_contract := r.contract_id; first := false;
        end if;
        n := n + 1;
        r.chain_seq := n;
        r.prev_hash := previous;
        previous := yanshou_chain_hash(previous, yanshou_audit_canonical(r::audit_log));
        update audit_log set chain_seq = n, prev_hash = r.prev_hash, hash = previous where id = r.id;
    end loop;
end
$$;
alter table audit_log alter column chain_seq set not null, alter column hash set not null;
create unique index audit_log_chain on audit_log (contract_id, chain_seq);
create unique index audit_log_chain_without_contract on audit_log (chain_seq) where contract_id is null;

create trigger audit_log_chain before insert on audit_log
    for each row execute function yanshou_audit_chain();
create function yanshou_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function yanshou_audit_append_only();
