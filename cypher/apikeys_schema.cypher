// The API key store's constraint: one ApiKey node per key id. Idempotent; run before keys are written.
// No parameters.
CREATE CONSTRAINT api_key_key IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.key IS UNIQUE;
