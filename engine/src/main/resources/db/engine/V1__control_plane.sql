-- Engine control-plane resources (IVS and IVS Chat). Times are epoch milliseconds (UTC).
-- Nested, rarely-queried settings are JSON text. Portable between H2 and PostgreSQL.

CREATE TABLE ivs_channel (
    id                              VARCHAR(12)   PRIMARY KEY,
    arn                             VARCHAR(256)  NOT NULL UNIQUE,
    name                            VARCHAR(128)  NOT NULL,
    latency_mode                    VARCHAR(16)   NOT NULL,
    channel_type                    VARCHAR(16)   NOT NULL,
    preset                          VARCHAR(64)   NOT NULL,
    authorized                      BOOLEAN       NOT NULL,
    insecure_ingest                 BOOLEAN       NOT NULL,
    recording_configuration_arn     VARCHAR(256)  NOT NULL,
    playback_restriction_policy_arn VARCHAR(256)  NOT NULL,
    ad_configuration_arn            VARCHAR(256)  NOT NULL,
    container_format                VARCHAR(32)   NOT NULL,
    multitrack_json                 VARCHAR(1024),
    created_at                      BIGINT        NOT NULL
);
CREATE INDEX ivs_channel_name ON ivs_channel (name);
CREATE INDEX ivs_channel_recording ON ivs_channel (recording_configuration_arn);

CREATE TABLE ivs_stream_key (
    id          VARCHAR(12)  PRIMARY KEY,
    arn         VARCHAR(256) NOT NULL UNIQUE,
    channel_id  VARCHAR(12)  NOT NULL REFERENCES ivs_channel (id) ON DELETE CASCADE,
    key_value   VARCHAR(128) NOT NULL UNIQUE,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX ivs_stream_key_channel ON ivs_stream_key (channel_id);

CREATE TABLE ivs_recording_configuration (
    id                  VARCHAR(12)   PRIMARY KEY,
    arn                 VARCHAR(256)  NOT NULL UNIQUE,
    name                VARCHAR(128)  NOT NULL,
    bucket_name         VARCHAR(63)   NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    thumbnail_json      VARCHAR(1024) NOT NULL,
    rendition_json      VARCHAR(1024) NOT NULL,
    reconnect_window_s  INTEGER       NOT NULL,
    created_at          BIGINT        NOT NULL
);

CREATE TABLE chat_room (
    id                  VARCHAR(12)  PRIMARY KEY,
    arn                 VARCHAR(256) NOT NULL UNIQUE,
    name                VARCHAR(128) NOT NULL,
    max_message_rate    INTEGER      NOT NULL,
    max_message_length  INTEGER      NOT NULL,
    review_uri          VARCHAR(256),
    review_fallback     VARCHAR(8),
    create_time         BIGINT       NOT NULL,
    update_time         BIGINT       NOT NULL
);
CREATE INDEX chat_room_update ON chat_room (update_time, id);

CREATE TABLE chat_logging_configuration (
    id                 VARCHAR(12)  PRIMARY KEY,
    arn                VARCHAR(256) NOT NULL UNIQUE,
    name               VARCHAR(128) NOT NULL,
    destination_type   VARCHAR(16)  NOT NULL,
    destination_name   VARCHAR(512) NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    create_time        BIGINT       NOT NULL,
    update_time        BIGINT       NOT NULL
);

CREATE TABLE chat_room_logging (
    room_id                      VARCHAR(12)  NOT NULL REFERENCES chat_room (id) ON DELETE CASCADE,
    logging_configuration_id     VARCHAR(12)  NOT NULL REFERENCES chat_logging_configuration (id),
    position                     INTEGER      NOT NULL,
    PRIMARY KEY (room_id, logging_configuration_id)
);

CREATE TABLE engine_tag (
    resource_arn  VARCHAR(256) NOT NULL,
    tag_key       VARCHAR(512) NOT NULL,
    tag_value     VARCHAR(1024) NOT NULL,
    PRIMARY KEY (resource_arn, tag_key)
);

-- Keys the engine generates once and shares between nodes (chat token encryption).
CREATE TABLE engine_secret (
    name    VARCHAR(64)  PRIMARY KEY,
    secret  VARCHAR(512) NOT NULL
);
