-- Office calendar years imported from the official open data (they replace the shipped ones) and local closure
-- days (typhoon 停止上班 …) per city or county.
create table office_calendar_year (
    calendar             varchar(20)  not null,
    year                 int          not null,
    weekdays_off         date[]       not null,
    working_weekend_days date[]       not null,
    imported_at          timestamptz  not null default now(),
    imported_by          varchar(100) not null,
    primary key (calendar, year)
);

create table local_closure (
    id         uuid primary key,
    calendar   varchar(20)  not null,
    day        date         not null,
    county     varchar(50)  not null,
    reason     text         not null default '',
    created_at timestamptz  not null default now(),
    created_by varchar(100) not null,
    unique (calendar, day, county)
);
