-- Second factors (issue 10). A user's authenticator-app key (TOTP, RFC 6238), encrypted with the server's MFA key
-- (AES-256-GCM; never shown again after enrolment), confirmed once the user typed a code from it; the last time-step
-- accepted, so that a code is taken once.
create table mfa_totp (
    username      varchar(100) primary key references app_user (username) on delete cascade,
    secret        varchar(300) not null,
    confirmed_at  timestamptz,
    last_step     bigint       not null default -1,
    created_at    timestamptz  not null default now()
);

-- Ten one-time recovery codes a user, hashed (PBKDF2 as passwords); each spent once.
create table mfa_recovery_code (
    id         uuid         primary key,
    username   varchar(100) not null references app_user (username) on delete cascade,
    code_hash  varchar(200) not null,
    used_at    timestamptz,
    created_at timestamptz  not null default now()
);
create index mfa_recovery_code_user on mfa_recovery_code (username) where used_at is null;

-- Passkeys (WebAuthn), Spring Security's JDBC repositories (JdbcPublicKeyCredentialUserEntityRepository,
-- JdbcUserCredentialRepository), their schema for PostgreSQL as Spring Security ships it: every node sees them.
create table user_entities (
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);
create unique index user_entities_name on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);
create index user_credentials_user on user_credentials (user_entity_user_id);
