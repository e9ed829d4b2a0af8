-- A procurement case number is one number whatever its letter case: 107-A and 107-a are the same contract.
create unique index contract_number_regardless_of_case on contract (lower(number));
