-- Entry policies (visa-free regimes and their alternatives) as versioned documents, changed by operations
-- through the API without a redeploy, with every change kept in entry_policy_revision.
CREATE TABLE entry_policy (
    id         TEXT        PRIMARY KEY,
    version    INT         NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
    document   JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT        NOT NULL
);

CREATE TABLE entry_policy_revision (
    policy_id  TEXT        NOT NULL REFERENCES entry_policy,
    version    INT         NOT NULL,
    change     TEXT        NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'RETIRED')),
    changed_at TIMESTAMPTZ NOT NULL,
    changed_by TEXT        NOT NULL,
    before     JSONB,
    after      JSONB       NOT NULL,
    PRIMARY KEY (policy_id, version)
);
