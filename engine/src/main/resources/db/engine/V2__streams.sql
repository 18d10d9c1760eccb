-- Stream sessions (IVS GetStreamSession / ListStreamSessions). Times are epoch milliseconds (UTC).
-- The channel snapshot, the measured ingest configuration and the most recent events (at most 500)
-- are JSON text. Portable between H2 and PostgreSQL.

CREATE TABLE ivs_stream_session (
    stream_id         VARCHAR(26)     PRIMARY KEY,
    channel_arn       VARCHAR(256)    NOT NULL,
    start_time        BIGINT          NOT NULL,
    end_time          BIGINT,
    channel_json      VARCHAR(65536)  NOT NULL,
    ingest_json       VARCHAR(8192)   NOT NULL,
    events_json       VARCHAR(131072) NOT NULL,
    has_error_event   BOOLEAN         NOT NULL
);
CREATE INDEX ivs_stream_session_channel ON ivs_stream_session (channel_arn, start_time, stream_id);
