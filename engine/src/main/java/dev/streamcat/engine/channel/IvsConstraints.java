package dev.streamcat.engine.channel;

import java.util.Set;
import java.util.regex.Pattern;

/** Enumerations, patterns and defaults of the IVS API model (Smithy {@code ivs.json}). */
final class IvsConstraints {
    static final String SERVICE = "ivs";

    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9-_]*$");
    static final Pattern CHANNEL_ARN = Pattern.compile("^arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+$");
    static final Pattern STREAM_KEY_ARN = Pattern.compile("^arn:aws:ivs:[a-z0-9-]+:[0-9]+:stream-key/[a-zA-Z0-9-]+$");
    static final Pattern RECORDING_CONFIGURATION_ARN =
            Pattern.compile("^arn:aws:ivs:[a-z0-9-]+:[0-9]+:recording-configuration/[a-zA-Z0-9-]+$");
    static final Pattern OPTIONAL_RECORDING_CONFIGURATION_ARN =
            Pattern.compile("^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:recording-configuration/[a-zA-Z0-9-]+$");
    static final Pattern OPTIONAL_PLAYBACK_RESTRICTION_POLICY_ARN =
            Pattern.compile("^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:playback-restriction-policy/[a-zA-Z0-9-]+$");
    static final Pattern OPTIONAL_AD_CONFIGURATION_ARN =
            Pattern.compile("^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:ad-configuration/[a-zA-Z0-9-]+$");
    static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9-.]+$");

    static final Set<String> LATENCY_MODES = Set.of("NORMAL", "LOW");
    static final Set<String> CHANNEL_TYPES = Set.of("BASIC", "STANDARD", "ADVANCED_SD", "ADVANCED_HD");
    static final Set<String> PRESETS = Set.of("HIGHER_BANDWIDTH_DELIVERY", "CONSTRAINED_BANDWIDTH_DELIVERY", "");
    static final Set<String> CONTAINER_FORMATS = Set.of("TS", "FRAGMENTED_MP4");
    static final Set<String> MULTITRACK_POLICIES = Set.of("ALLOW", "REQUIRE");
    static final Set<String> RESOLUTIONS = Set.of("SD", "HD", "FULL_HD");
    static final Set<String> RECORDING_MODES = Set.of("DISABLED", "INTERVAL");
    static final Set<String> THUMBNAIL_RESOLUTIONS = Set.of("SD", "HD", "FULL_HD", "LOWEST_RESOLUTION");
    static final Set<String> THUMBNAIL_STORAGE = Set.of("SEQUENTIAL", "LATEST");
    static final Set<String> RENDITION_SELECTIONS = Set.of("ALL", "NONE", "CUSTOM");

    static final String DEFAULT_LATENCY_MODE = "LOW";
    static final String DEFAULT_TYPE = "STANDARD";
    static final String DEFAULT_CONTAINER_FORMAT = "TS";
    static final String DEFAULT_ADVANCED_PRESET = "HIGHER_BANDWIDTH_DELIVERY";

    static final int MAX_BATCH = 50;
    static final int LIST_CHANNELS_DEFAULT = 100;
    static final int LIST_CHANNELS_MAX = 100;
    static final int LIST_STREAM_KEYS_DEFAULT = 1;
    static final int LIST_STREAM_KEYS_MAX = 50;
    static final int LIST_RECORDING_CONFIGURATIONS_DEFAULT = 50;
    static final int LIST_RECORDING_CONFIGURATIONS_MAX = 50;
    static final int STREAM_KEYS_PER_CHANNEL = 1;

    private IvsConstraints() {}

    static boolean advanced(String type) {
        return type.startsWith("ADVANCED_");
    }
}
