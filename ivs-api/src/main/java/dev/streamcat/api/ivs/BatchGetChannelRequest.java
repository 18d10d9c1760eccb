package dev.streamcat.api.ivs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The BatchGetChannelRequest shape of the API. */
public record BatchGetChannelRequest(@Nullable List<String> arns) {}
